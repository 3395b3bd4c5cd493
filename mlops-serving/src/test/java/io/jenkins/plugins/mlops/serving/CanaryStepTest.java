package io.jenkins.plugins.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Sha256;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.audit.AuditLog;
import io.jenkins.plugins.mlops.registry.Registry;
import io.jenkins.plugins.mlops.testing.Fixtures;
import io.jenkins.plugins.mlops.train.TrainStep;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A canary that always answers one class is rolled back automatically, with its evidence on record. */
class CanaryStepTest {
    private static final String TOKEN = "canary-token";

    @Test
    void badCanaryIsRolledBackWithEvidenceInTheAuditLog(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("spec.yaml");
        Files.writeString(spec, "name: iris\ntask: classification\nlabel: target\nseed: 4\ntraining: {epochs: 30}\n");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        TrainStep.run(spec, Fixtures.dataset("iris.csv"), tmp.resolve("good"), quiet);
        // the bad one saw 50 setosa and 4 versicolor for two epochs: it answers setosa to almost everything
        List<String> lines = Files.readAllLines(Fixtures.dataset("iris.csv"));
        List<String> skewed = new java.util.ArrayList<>(lines.stream()
                .filter(l -> l.startsWith("sepal") || l.endsWith(",setosa")).toList());
        skewed.addAll(lines.stream().filter(l -> l.endsWith(",versicolor")).limit(4).toList());
        Files.write(tmp.resolve("skewed.csv"), skewed);
        Path badSpec = tmp.resolve("bad.yaml");
        Files.writeString(badSpec, "name: iris\ntask: classification\nlabel: target\nseed: 4\nsplit: {test: 0.5}\n"
                + "training: {epochs: 2}\n");
        TrainStep.run(badSpec, tmp.resolve("skewed.csv"), tmp.resolve("bad"), quiet);
        Registry registry = new Registry(tmp.resolve("registry"));
        registry.register(tmp.resolve("good/model"), "iris", "test");
        registry.register(tmp.resolve("bad/model"), "iris", "test");

        try (ModelServer server = new ModelServer(new ServerConfig("127.0.0.1", 0, TOKEN, registry, tmp.resolve("log"),
                ServerConfig.DEFAULT_MAX_REQUEST_BYTES, 100)).start()) {
            URI uri = URI.create(server.url());
            assertThat(DeployStep.run(uri, "iris@1", TOKEN, tmp.resolve("d1")).getStatus()).isEqualTo(Status.PASSED);
            assertThat(DeployStep.run(uri, "iris@2", "canary", 0.5, TOKEN, tmp.resolve("d2")).getStatus())
                    .isEqualTo(Status.PASSED);
            HttpClient client = HttpClient.newHttpClient();
            Table iris = new CsvReader().read(Fixtures.dataset("iris.csv"));
            for (int i = 0; i < 300; i++) {
                String[] row = iris.row(i % iris.rowCount());
                String body = "{\"id\": \"r" + i + "\", \"inputs\": [" + input("sepal length (cm)", row[0]) + ","
                        + input("sepal width (cm)", row[1]) + "," + input("petal length (cm)", row[2]) + ","
                        + input("petal width (cm)", row[3]) + "]}";
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.url()
                        + "/v2/models/iris/infer")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
            }
            StepResult result = CanaryStep.run(new CanarySpec(uri, "iris", "1", "2", tmp.resolve("log"),
                    CanaryStep.Policy.DEFAULT, null, registry.home()), TOKEN, tmp.resolve("canary"));
            assertThat(result.getSections().get("decision")).isEqualTo("rollback");
            assertThat(result.getStatus()).isEqualTo(Status.FAILED);
            assertThat(result.getSummary()).contains("Rolled back canary iris@2").contains("Distribution changed");
            // the digest is over the evidence's JSON: its keys in one order whatever the JVM
            Map<?, ?> evidence = (Map<?, ?>) result.getSections().get("evidence");
            assertThat(((Map<?, ?>) evidence.get("canary")).keySet()).map(Object::toString).containsExactly("version", "rows", "predictions",
                    "p99Ms");
            assertThat(result.getSections().get("evidenceDigest")).isEqualTo(Sha256.of(Json.JSON.writeValueAsBytes(evidence)));
            // every one of the 300 answers counted once, by the version that gave it
            Map<?, ?> primary = (Map<?, ?>) evidence.get("primary");
            Map<?, ?> canary = (Map<?, ?>) evidence.get("canary");
            assertThat((int) primary.get("rows") + (int) canary.get("rows")).isEqualTo(300);
            assertThat(((Map<?, ?>) canary.get("predictions")).values().stream().mapToLong(n -> (Long) n).sum())
                    .isEqualTo(((Integer) canary.get("rows")).longValue());
            assertThat((double) canary.get("p99Ms")).isPositive();
            // the route has no canary any more: every request is answered by version 1
            HttpResponse<String> after = client.send(HttpRequest.newBuilder(URI.create(server.url()
                    + "/v2/models/iris/infer")).POST(HttpRequest.BodyPublishers.ofString("{\"id\": \"r1\", \"inputs\": ["
                    + input("sepal length (cm)", "6.7") + "," + input("sepal width (cm)", "3.0") + ","
                    + input("petal length (cm)", "5.2") + "," + input("petal width (cm)", "2.3") + "]}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.body()).contains("\"model_version\":\"1\"");
        }
        List<AuditLog.Entry> entries = registry.audit().entries();
        AuditLog.Entry analysis = entries.stream().filter(e -> e.action().equals("canary-rollback")).findFirst()
                .orElseThrow();
        assertThat(analysis.subject()).isEqualTo("iris@2");
        assertThat(analysis.evidence()).hasSize(64);
        assertThat(entries).extracting(AuditLog.Entry::action).contains("server/rollback");
        assertThat(registry.audit().verify().ok()).isTrue();
    }

    private static String input(String name, String value) {
        return "{\"name\": \"" + name + "\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [" + value + "]}";
    }
}
