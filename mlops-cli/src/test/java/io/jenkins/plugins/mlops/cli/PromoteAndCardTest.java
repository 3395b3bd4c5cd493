package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The promote and model-card stages on two registered iris versions. */
class PromoteAndCardTest {
    @Test
    void promotionMovesTheAliasRecordsItAndComparesWithTheVersionItLeft(@TempDir Path tmp) throws Exception {
        String home = registerTwoVersions(tmp);
        Path out = tmp.resolve("promote");
        CliRun first = CliRun.of("registry", "promote", "--registry", home, "iris@1", "--alias", "production", "--out",
                tmp.resolve("first").toString());
        assertThat(first.exit()).as(first.err()).isZero();
        CliRun second = CliRun.of("registry", "promote", "--registry", home, "iris@2", "--alias", "production", "--out",
                out.toString());
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.out()).contains("production -> iris@2");
        JsonNode result = Json.readTree(out.resolve("promote.json"));
        assertThat(result.path("status").asText()).isEqualTo("PASSED");
        assertThat(result.path("version").asInt()).isEqualTo(2);
        assertThat(result.path("previous").asInt()).isEqualTo(1);
        long entry = result.path("auditEntry").asLong();
        CliRun audit = CliRun.of("audit", "show", "--registry", home);
        assertThat(audit.out().lines().filter(l -> l.startsWith(entry + "\t"))).singleElement().asString()
                .contains("promote").contains("iris@2").contains("production");
        assertThat(Files.readString(out.resolve("promote.html"))).contains("What changes for users of")
                .contains("metric accuracy");
        CliRun unknown = CliRun.of("registry", "promote", "--registry", home, "iris@9", "--alias", "production");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.oneLineError()).as(unknown.err()).isTrue();
    }

    @Test
    void theCardWarnsForEachFieldTheSpecLeavesUnstated(@TempDir Path tmp) throws Exception {
        String home = registerTwoVersions(tmp);
        Path out = tmp.resolve("card");
        CliRun card = CliRun.of("registry", "card", "--registry", home, "iris@2", "--out", out.toString());
        assertThat(card.exit()).as(card.err()).isZero();
        JsonNode result = Json.readTree(out.resolve("model-card.json"));
        assertThat(result.path("status").asText()).as("warnings do not fail").isEqualTo("PASSED");
        assertThat(result.path("unstated")).extracting(JsonNode::asText).contains("caveats", "intendedUse")
                .doesNotContain("owners");
        assertThat(result.path("card").path("details").path("owners").asText()).isEqualTo("iris team");
        assertThat(result.path("card").path("decisions").toString()).contains("register");
        assertThat(Files.readString(out.resolve("model-card.html"))).contains("Model card: iris@2")
                .contains("Not stated: add");
    }

    private static String registerTwoVersions(Path tmp) throws Exception {
        String home = tmp.resolve("home").toString();
        for (int v = 1; v <= 2; v++) {
            Path spec = tmp.resolve("iris-" + v + ".yaml");
            Files.writeString(spec, "task: classification\nlabel: target\nseed: " + v + "\ntraining: {epochs: " + (5 * v)
                    + "}\ncard: {owners: iris team}\n");
            Path trained = tmp.resolve("t" + v);
            assertThat(CliRun.of("train", "--spec", spec.toString(), "--data", Fixtures.dataset("iris.csv").toString(),
                    "--out", trained.toString()).exit()).isIn(0, 1);
            assertThat(CliRun.of("registry", "register", "--registry", home, "--model",
                    trained.resolve("model").toString(), "--name", "iris").exit()).isZero();
        }
        return home;
    }
}
