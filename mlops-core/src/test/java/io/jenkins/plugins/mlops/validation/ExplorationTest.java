package io.jenkins.plugins.mlops.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.schema.SchemaInference;
import io.jenkins.plugins.mlops.testing.Fixtures;
import org.junit.jupiter.api.Test;

class ExplorationTest {
    @Test
    void penguinsLabelDistributionCorrelationsAndAssociations() {
        Table penguins = new CsvReader().read(Fixtures.dataset("penguins.csv"));
        Exploration e = Exploration.of(penguins, SchemaInference.infer(penguins), "species");
        assertThat(e.labelDistribution()).containsExactly(java.util.Map.entry("Adelie", 152L),
                java.util.Map.entry("Gentoo", 124L), java.util.Map.entry("Chinstrap", 68L));
        // flipper length and body mass are strongly correlated in penguins (r = 0.871, pairwise complete)
        int flipper = e.numericColumns().indexOf("flipper_length_mm");
        int mass = e.numericColumns().indexOf("body_mass_g");
        assertThat(e.correlations()[flipper][mass]).isCloseTo(0.871, within(0.001));
        // species is all but determined by flipper length and island; year says nothing about it
        assertThat(e.associations().get(0).value()).isGreaterThan(0.8);
        Exploration.Association year = e.associations().stream().filter(a -> a.column().equals("year")).findFirst()
                .orElseThrow();
        assertThat(year.value()).isLessThan(0.15);
    }

    @Test
    void numericLabelUsesPearsonAndEta() {
        Table diabetes = new CsvReader().read(Fixtures.dataset("diabetes.csv"));
        Exploration e = Exploration.of(diabetes, SchemaInference.infer(diabetes), "target");
        assertThat(e.labelDistribution()).isNull();
        Exploration.Association top = e.associations().get(0);
        // bmi and s5 (log serum triglycerides) are the classic strongest predictors
        assertThat(top.column()).isIn("bmi", "s5");
        assertThat(top.measure()).isEqualTo("|pearson r|");
    }
}
