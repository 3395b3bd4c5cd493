package io.jenkins.plugins.mlops.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Check;
import io.jenkins.plugins.mlops.contract.CheckStatus;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.testing.CspAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class StepOutputWriterTest {
    @Test
    void writesJsonHtmlAndJunitOneTestcasePerCheck(@TempDir Path out) throws Exception {
        List<Check> checks = List.of(
                Check.passed("a<&>", 1.0, ">= 0.5", "fine \"quoted\""),
                Check.failed("b", 0.1, ">= 0.5", "too low"),
                new Check("c", CheckStatus.INSUFFICIENT_DATA, null, null, "only 3 rows"),
                new Check("d", CheckStatus.WARNING, "x", null, "look at it"));
        StepResult result = StepResult.fromChecks("demo-step", "Summary <b>not bold</b>", checks).with("extra", 42);
        HtmlReport report = HtmlReport.forResult("Demo", result);
        report.section("Chart").figure(Svg.lines(List.of(new Svg.Series("s", new double[] {1, 2, Double.NaN, 3})),
                "epoch", "curve"), "caption");
        StepOutputWriter.write(out, result, report);

        JsonNode json = Json.readTree(out.resolve("demo-step.json"));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(StepResult.SCHEMA_VERSION);
        assertThat(json.get("status").asText()).isEqualTo("FAILED");
        assertThat(json.get("extra").asInt()).isEqualTo(42);
        assertThat(json.get("checks").get(1).get("threshold").asText()).isEqualTo(">= 0.5");
        assertThat(json.get("artifacts")).extracting(JsonNode::asText)
                .containsExactly("demo-step-junit.xml", "demo-step.html");

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("demo-step-junit.xml").toFile());
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("a<&>");
        assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isEqualTo(1);

        String html = Files.readString(out.resolve("demo-step.html"));
        CspAssertions.assertCspClean("demo-step.html", html);
        assertThat(html).contains("Summary &lt;b&gt;not bold&lt;/b&gt;").contains("<svg");
        assertThat(out.resolve(HtmlReport.STYLESHEET)).exists();
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void numbersAreShortAndReadable() {
        assertThat(Html.number(0.98551)).isEqualTo("0.9855");
        assertThat(Html.number(344)).isEqualTo("344");
        assertThat(Html.number(7.1e-25)).isEqualTo("7.100e-25");
        assertThat(Html.number(Double.NaN)).isEqualTo("NaN");
    }
}
