package io.jenkins.plugins.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real clients on loopback while versions are swapped by every strategy: no request may fail. */
class DeploymentStrategiesTest {
    private static final String TOKEN = "strategy-test-token";
    private static final String ROW = """
            {"inputs": [
              {"name": "sepal length (cm)", "shape": [1], "datatype": "FP64", "data": [5.9]},
              {"name": "sepal width (cm)", "shape": [1], "datatype": "FP64", "data": [3.0]},
              {"name": "petal length (cm)", "shape": [1], "datatype": "FP64", "data": [4.2]},
              {"name": "petal width (cm)", "shape": [1], "datatype": "FP64", "data": [1.5]}]}""";

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> post(String url, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode admin(ModelServer server, String path, String body) throws Exception {
        HttpResponse<String> r = post(server.url() + path, body, TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.JSON.readTree(r.body());
    }

    private static String withId(String id) {
        return ROW.replaceFirst("\\{", "{\"id\": \"" + id + "\", ");
    }

    @Test
    void swapsUnderLoadCanarySplitShadowPromoteRollback(@TempDir Path tmp) throws Exception {
        Registry registry = new Registry(tmp.resolve("registry"));
        for (int seed = 1; seed <= 3; seed++) {
            Path spec = tmp.resolve("spec" + seed + ".yaml");
            Files.writeString(spec, "name: iris\ntask: classification\nlabel: target\nseed: " + seed
                    + "\ntraining: {epochs: " + (5 * seed) + "}\n");
            TrainStep.run(spec, Fixtures.dataset("iris.csv"), tmp.resolve("t" + seed),
                    new PrintStream(OutputStream.nullOutputStream()));
            registry.register(tmp.resolve("t" + seed + "/model"), "iris", "test");
        }
        try (ModelServer server = new ModelServer(new ServerConfig("127.0.0.1", 0, TOKEN, registry, tmp.resolve("log"),
                ServerConfig.DEFAULT_MAX_REQUEST_BYTES, 100)).start()) {
            admin(server, "/admin/deploy", "{\"model\": \"iris@1\"}");
            String infer = server.url() + "/v2/models/iris/infer";

            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                Thread t = new Thread(() -> {
                    for (int i = 0; running.get() && i < 20_000; i++) {
                        try {
                            int status = post(infer, ROW, null).statusCode();
                            (status == 200 ? answered : failed).incrementAndGet();
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    }
                });
                t.start();
                clients.add(t);
            }
            Thread.sleep(300);
            assertThat(admin(server, "/admin/deploy", "{\"model\": \"iris@2\", \"strategy\": \"direct\"}")
                    .get("primary").asText()).isEqualTo("2");
            Thread.sleep(300);
            JsonNode blueGreen = admin(server, "/admin/deploy", "{\"model\": \"iris@3\", \"strategy\": \"blue-green\"}");
            assertThat(blueGreen.get("primary").asText()).isEqualTo("3");
            assertThat(blueGreen.get("previous").asText()).isEqualTo("2");
            Thread.sleep(300);
            assertThat(admin(server, "/admin/deploy", "{\"model\": \"iris@1\", \"strategy\": \"canary\", \"weight\": 0.3}")
                    .get("canary").asText()).isEqualTo("1");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(server.url() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).contains("model_canary_weight{model=\"iris\"} 0.3");
            Thread.sleep(300);
            running.set(false);
            for (Thread t : clients) {
                t.join(60_000);
            }
            assertThat(failed.get()).as("requests failed during the swaps").isZero();
            assertThat(answered.get()).isGreaterThan(100);

            // the canary takes about its share, and the same request id always lands on the same version
            int canary = 0;
            for (int i = 0; i < 400; i++) {
                JsonNode r = Json.JSON.readTree(post(infer, withId("req-" + i), null).body());
                canary += r.get("model_version").asText().equals("1") ? 1 : 0;
            }
            assertThat(canary).isBetween(90, 150);
            String first = Json.JSON.readTree(post(infer, withId("sticky"), null).body()).get("model_version").asText();
            for (int i = 0; i < 10; i++) {
                assertThat(Json.JSON.readTree(post(infer, withId("sticky"), null).body()).get("model_version").asText())
                        .isEqualTo(first);
            }

            JsonNode promoted = admin(server, "/admin/promote", "{\"model\": \"iris\"}");
            assertThat(promoted.get("primary").asText()).isEqualTo("1");
            assertThat(admin(server, "/admin/rollback", "{\"model\": \"iris\"}").get("primary").asText()).isEqualTo("3");

            // a shadow sees the request, the primary answers it
            admin(server, "/admin/deploy", "{\"model\": \"iris@2\", \"strategy\": \"shadow\"}");
            JsonNode answered2 = Json.JSON.readTree(post(infer, withId("shadowed"), null).body());
            assertThat(answered2.get("model_version").asText()).isEqualTo("3");
            Path log = tmp.resolve("log/predictions.jsonl");
            for (int wait = 0; wait < 50 && !Files.readString(log).contains("\"shadow\":true"); wait++) {
                Thread.sleep(100);
            }
            assertThat(Files.readAllLines(log).stream().filter(l -> l.contains("\"requestId\":\"shadowed\""))
                    .map(l -> l.contains("\"shadow\":true") ? "shadow@" + l.replaceAll(".*\"version\":\"(\\d+)\".*", "$1")
                            : "answer@" + l.replaceAll(".*\"version\":\"(\\d+)\".*", "$1")).toList())
                    .containsExactlyInAnyOrder("answer@3", "shadow@2");
            assertThat(Json.JSON.readTree(post(server.url() + "/v2/models/iris/feedback",
                    "{\"id\": \"shadowed\", \"labels\": [\"versicolor\"]}", null).body()).get("accepted").asInt())
                    .isEqualTo(1);
            // a request without an id: the shadow's log line carries the id the answer got
            String generated = Json.JSON.readTree(post(infer, ROW, null).body()).get("id").asText();
            for (int wait = 0; wait < 50 && Files.readAllLines(log).stream().noneMatch(l -> l.contains(generated)
                    && l.contains("\"shadow\":true")); wait++) {
                Thread.sleep(100);
            }
            assertThat(Files.readAllLines(log).stream().filter(l -> l.contains("\"requestId\":\"" + generated + "\""))
                    .map(l -> l.contains("\"shadow\":true") ? "shadow" : "answer").toList())
                    .containsExactlyInAnyOrder("answer", "shadow");
            io.jenkins.plugins.mlops.contract.StepResult shadowReport = ShadowStep.run(tmp.resolve("log"), "iris",
                    "2", 0.0, tmp.resolve("shadow"));
            assertThat(shadowReport.getSections().get("comparison").toString()).contains("pairs=2").contains("labelled=1");
            assertThat(admin(server, "/admin/rollback", "{\"model\": \"iris\"}").get("shadow").isNull()).isTrue();
        }
        assertThat(registry.audit().entries().stream().map(e -> e.action()).filter(a -> a.startsWith("server/")))
                .contains("server/deploy", "server/promote", "server/rollback");
        assertThat(registry.audit().verify().ok()).isTrue();
    }
}
