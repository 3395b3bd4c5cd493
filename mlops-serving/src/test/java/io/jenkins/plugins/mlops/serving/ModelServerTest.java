package io.jenkins.plugins.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.contract.Status;
import io.jenkins.plugins.mlops.contract.StepResult;
import io.jenkins.plugins.mlops.registry.Registry;
import io.jenkins.plugins.mlops.testing.Fixtures;
import io.jenkins.plugins.mlops.train.TrainStep;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** A real server on a free loopback port with a real DL4J model trained on Iris. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelServerTest {
    private static final String TOKEN = "s3cret-token-for-tests";
    private static final String IRIS_ROW = """
            {"id": "42", "inputs": [
              {"name": "sepal length (cm)", "shape": [2], "datatype": "FP64", "data": [5.1, 6.7]},
              {"name": "sepal width (cm)", "shape": [2], "datatype": "FP64", "data": [3.5, 3.0]},
              {"name": "petal length (cm)", "shape": [2, 1], "datatype": "FP64", "data": [[1.4], [5.2]]},
              {"name": "petal width (cm)", "shape": [2], "datatype": "FP64", "data": [0.2, null]}]}""";

    private Path tmp;
    private ModelServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        tmp = dir;
        Path spec = tmp.resolve("iris.yaml");
        Files.writeString(spec, "name: iris\ntask: classification\nlabel: target\nseed: 11\ntraining: {epochs: 40}\n");
        TrainStep.run(spec, Fixtures.dataset("iris.csv"), tmp.resolve("train"), new PrintStream(
                java.io.OutputStream.nullOutputStream()));
        Registry registry = new Registry(tmp.resolve("registry"));
        registry.register(tmp.resolve("train/model"), "iris", "test");
        server = new ModelServer(new ServerConfig("127.0.0.1", 0, TOKEN, registry, tmp.resolve("log"),
                ServerConfig.DEFAULT_MAX_REQUEST_BYTES, 100)).start();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.JSON.readTree(response.body());
    }

    private void deployed() throws Exception {
        if (get("/v2/health/ready").statusCode() != 200) {
            assertThat(post("/admin/deploy", "{\"model\": \"iris@1\"}", TOKEN).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void healthAndServerMetadata() throws Exception {
        HttpResponse<String> live = get("/v2/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json(live).get("live").asBoolean()).isTrue();
        HttpResponse<String> meta = get("/v2");
        assertThat(json(meta).get("name").asText()).isEqualTo("jenkins-mlops");
        assertThat(json(meta).get("extensions").isArray()).isTrue();
    }

    @Test
    void adminWithoutOrWithWrongTokenIs401AndChangesNothing() throws Exception {
        ModelServer closed = new ModelServer(new ServerConfig("127.0.0.1", 0, TOKEN, null, null, 1000, 10)).start();
        try {
            HttpResponse<String> none = client.send(HttpRequest.newBuilder(URI.create(closed.url() + "/admin/deploy"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"iris@1\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(none.statusCode()).isEqualTo(401);
            assertThat(Json.JSON.readTree(none.body()).get("error").asText()).contains("admin token");
            HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create(closed.url()
                    + "/v2/health/ready")).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(503);
        } finally {
            closed.close();
        }
        assertThat(post("/admin/deploy", "{\"model\": \"iris@1\"}", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void adminIsOffWithoutAConfiguredToken() throws Exception {
        try (ModelServer open = new ModelServer(new ServerConfig("127.0.0.1", 0, null, null, null, 1000, 10)).start()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(open.url() + "/admin/deploy"))
                    .header("Authorization", "Bearer anything")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).contains("admin API is disabled");
        }
    }

    @Test
    void deployThenModelMetadataAndReadiness() throws Exception {
        deployed();
        JsonNode meta = json(get("/v2/models/iris"));
        assertThat(meta.get("name").asText()).isEqualTo("iris");
        assertThat(meta.get("versions")).extracting(JsonNode::asText).containsExactly("1");
        assertThat(meta.get("inputs")).extracting(i -> i.get("name").asText()).containsExactly("sepal length (cm)",
                "sepal width (cm)", "petal length (cm)", "petal width (cm)");
        assertThat(meta.get("inputs").get(0).get("datatype").asText()).isEqualTo("FP64");
        assertThat(meta.get("outputs").get(1).get("shape")).extracting(JsonNode::asInt).containsExactly(-1, 3);
        HttpResponse<String> ready = get("/v2/models/iris/versions/1/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("ready").asBoolean()).isTrue();
        assertThat(get("/v2/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void inferOneInputPerColumnWithAndWithoutVersion() throws Exception {
        deployed();
        for (String path : List.of("/v2/models/iris/infer", "/v2/models/iris/versions/1/infer")) {
            HttpResponse<String> r = post(path, IRIS_ROW, null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = json(r);
            assertThat(body.get("model_name").asText()).isEqualTo("iris");
            assertThat(body.get("model_version").asText()).isEqualTo("1");
            assertThat(body.get("id").asText()).isEqualTo("42");
            JsonNode label = body.get("outputs").get(0);
            assertThat(label.get("datatype").asText()).isEqualTo("BYTES");
            assertThat(label.get("data").get(0).asText()).isEqualTo("setosa");
            JsonNode probabilities = body.get("outputs").get(1);
            assertThat(probabilities.get("shape")).extracting(JsonNode::asInt).containsExactly(2, 3);
            double sum = 0;
            for (int k = 0; k < 3; k++) {
                sum += probabilities.get("data").get(k).asDouble();
            }
            assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        List<String> log = Files.readAllLines(tmp.resolve("log/predictions.jsonl"));
        assertThat(log).isNotEmpty();
        assertThat(Json.JSON.readTree(log.get(0)).get("inputs").get("sepal length (cm)").asText()).isEqualTo("5.1");
    }

    @Test
    void errorsAreJsonWithTheRightStatus() throws Exception {
        deployed();
        HttpResponse<String> unknown = post("/v2/models/nope/infer", IRIS_ROW, null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).contains("'nope' is not deployed");
        // the OIP specification's own example request: inputs this model does not have
        HttpResponse<String> example = post("/v2/models/iris/infer", """
                { "id": "42", "inputs": [ {"name":"input0","shape":[2,2],"datatype":"UINT32","data":[1,2,3,4]} ],
                  "outputs": [ {"name":"output0"} ] }""", null);
        assertThat(example.statusCode()).isEqualTo(400);
        assertThat(json(example).get("error").asText()).contains("unexpected input 'input0'");
        assertThat(post("/v2/models/iris/infer", "{not json", null).statusCode()).isEqualTo(400);
        assertThat(get("/v2/models/iris/infer").statusCode()).isEqualTo(405);
        HttpResponse<String> missing = post("/v2/models/iris/infer",
                "{\"inputs\":[{\"name\":\"sepal length (cm)\",\"shape\":[1],\"datatype\":\"FP64\",\"data\":[5.0]}]}", null);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(json(missing).get("error").asText()).contains("missing inputs");
        assertThat(get("/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void prometheusMetricsCountRequestsRowsAndFailures() throws Exception {
        deployed();
        assertThat(post("/v2/models/iris/infer", IRIS_ROW, null).statusCode()).isEqualTo(200);
        assertThat(post("/v2/models/iris/infer", "{not json", null).statusCode()).isEqualTo(400);
        assertThat(post("/v2/models/ghost/infer", IRIS_ROW, null).statusCode()).isEqualTo(404);
        HttpResponse<String> scrape = get("/metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        String text = scrape.body();
        java.util.regex.Matcher success = java.util.regex.Pattern
                .compile("model_infer_request_success_total\\{model=\"iris\",version=\"1\"} ([0-9.]+)").matcher(text);
        assertThat(success.find()).as(text).isTrue();
        assertThat(Double.parseDouble(success.group(1))).isGreaterThanOrEqualTo(1);
        assertThat(text).contains("model_infer_request_failure_total{code=\"400\",model=\"iris\"}")
                .contains("model_infer_request_failure_total{code=\"404\",model=\"ghost\"}")
                .contains("model_infer_rows_total{model=\"iris\",version=\"1\"}")
                .contains("model_infer_request_duration_seconds_bucket{model=\"iris\",version=\"1\",le=\"0.005\"}");
    }

    @Test
    void feedbackAttachesGroundTruthByRequestId() throws Exception {
        deployed();
        assertThat(post("/v2/models/iris/infer", IRIS_ROW, null).statusCode()).isEqualTo(200);
        HttpResponse<String> ok = post("/v2/models/iris/feedback", "{\"id\": \"42\", \"labels\": [\"setosa\","
                + " \"virginica\"]}", null);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(json(ok).get("accepted").asInt()).isEqualTo(2);
        assertThat(post("/v2/models/iris/feedback", "{\"labels\": []}", null).statusCode()).isEqualTo(400);
        assertThat(Files.readString(tmp.resolve("log/feedback.jsonl"))).contains("\"requestId\":\"42\"");
    }

    @Test
    void predictionLogRotatesAndKeepsABoundedNumberOfFiles(@TempDir Path dir) throws Exception {
        try (PredictionLog log = new PredictionLog(dir, 2_000, 3)) {
            for (int i = 0; i < 100; i++) {
                log.append(List.of(new io.jenkins.plugins.mlops.monitor.PredictionLogEntry("t", "r" + i, 0, "m", "1", 1.0,
                        java.util.Map.of("x", String.valueOf(i)), "a", 0.5, null, null)));
            }
        }
        try (var files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).contains("predictions.jsonl");
            assertThat(names.stream().filter(n -> n.startsWith("predictions-"))).hasSize(3);
        }
    }

    @Test
    void deployStepTalksToTheAdminApi() throws Exception {
        StepResult result = DeployStep.run(URI.create(server.url()), "iris@1", TOKEN, tmp.resolve("deploy"));
        assertThat(result.getStatus()).isEqualTo(Status.PASSED);
        assertThat(tmp.resolve("deploy/deploy.json")).exists();
        StepResult canary = DeployStep.run(URI.create(server.url()), "iris@1", "canary", 0.5, TOKEN, tmp.resolve("canary"));
        assertThat(canary.getStatus()).isEqualTo(Status.PASSED);
        StepResult rolledBack = DeployStep.route(URI.create(server.url()), "iris", "rollback", TOKEN, tmp.resolve("rb"));
        assertThat(rolledBack.getStatus()).isEqualTo(Status.PASSED);
        assertThat(rolledBack.getSummary()).contains("rolled back");
        StepResult refused = DeployStep.run(URI.create(server.url()), "iris@1", "wrong", tmp.resolve("refused"));
        assertThat(refused.getStatus()).isEqualTo(Status.FAILED);
        assertThat(refused.getSummary()).contains("missing or wrong admin token");
    }

    /**
     * Requests written from the Open Inference Protocol's REST specification (the objects of
     * {@code inference_rest.md}, its example request adapted to this model's inputs), and the
     * answers checked against the specification's response objects.
     */
    @Nested
    class OpenInferenceProtocolConformance {
        /** The datatypes the specification defines. */
        private static final Set<String> DATATYPES = Set.of("BOOL", "UINT8", "UINT16", "UINT32", "UINT64", "INT8",
                "INT16", "INT32", "INT64", "FP16", "FP32", "FP64", "BYTES");

        /** The specification's example request, its inputs replaced by this model's, batched over two rows. */
        private static final String SPEC_EXAMPLE = """
                {"id": "42",
                 "parameters": {"trace": true},
                 "inputs": [
                   {"name": "sepal length (cm)", "shape": [2, 1], "datatype": "FP32", "data": [[5.1], [6.7]]},
                   {"name": "sepal width (cm)", "shape": [2], "datatype": "FP32", "data": [3.5, 3.0]},
                   {"name": "petal length (cm)", "shape": [2], "datatype": "FP64", "data": [1.4, 5.2],
                    "parameters": {"unit": "cm"}},
                   {"name": "petal width (cm)", "shape": [2], "datatype": "INT64", "data": [0, 2]}],
                 "outputs": [{"name": "probabilities"}]}""";

        /** {@code $metadata_tensor = {"name": $string, "datatype": $string, "shape": [$number, ...]}}, -1 for variable. */
        private static void assertTensorMetadata(JsonNode tensor) {
            assertThat(tensor.get("name").isTextual()).as("name of %s", tensor).isTrue();
            assertThat(DATATYPES).as("datatype of %s", tensor).contains(tensor.get("datatype").asText());
            assertThat(tensor.get("shape").isArray()).isTrue();
            tensor.get("shape").forEach(d -> assertThat(d.isIntegralNumber() && d.asLong() >= -1).as("dim %s", d).isTrue());
        }

        /** {@code $inference_response}: model_name, optional model_version, id, outputs of shape-consistent data. */
        private static void assertInferenceResponse(JsonNode body, String id) {
            assertThat(body.get("model_name").isTextual()).isTrue();
            assertThat(body.get("model_version").isTextual()).isTrue();
            assertThat(body.get("id").asText()).isEqualTo(id);
            assertThat(body.get("outputs").isArray()).isTrue();
            for (JsonNode output : body.get("outputs")) {
                assertTensorMetadata(output);
                long elements = 1;
                for (JsonNode d : output.get("shape")) {
                    elements *= d.asLong();
                }
                assertThat(count(output.get("data"))).as("data of %s", output.get("name")).isEqualTo(elements);
            }
        }

        /** Elements of tensor data, nested or flat. */
        private static long count(JsonNode data) {
            long n = 0;
            for (JsonNode v : data) {
                n += v.isArray() ? count(v) : 1;
            }
            return n;
        }

        /** {@code {"error": $string}} and nothing else, with the given status. */
        private static void assertError(HttpResponse<String> response, int status) throws Exception {
            assertThat(response.statusCode()).isEqualTo(status);
            JsonNode body = json(response);
            assertThat(body.get("error").isTextual()).isTrue();
            assertThat(body.size()).isEqualTo(1);
        }

        @Test
        void healthAnswersWithStatusAndBody() throws Exception {
            deployed();
            for (String path : new String[] {"/v2/health/live", "/v2/health/ready"}) {
                HttpResponse<String> response = get(path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            }
            assertThat(json(get("/v2/health/live")).get("live").asBoolean()).isTrue();
            assertThat(json(get("/v2/health/ready")).get("ready").asBoolean()).isTrue();
            for (String path : new String[] {"/v2/models/iris/ready", "/v2/models/iris/versions/1/ready"}) {
                JsonNode ready = json(get(path));
                assertThat(ready.get("name").asText()).isEqualTo("iris");
                assertThat(ready.get("ready").asBoolean()).isTrue();
            }
            assertError(get("/v2/models/mymodel/ready"), 404);
        }

        @Test
        void serverAndModelMetadataHaveTheSpecifiedObjects() throws Exception {
            deployed();
            JsonNode server = json(get("/v2"));
            assertThat(server.get("name").isTextual()).isTrue();
            assertThat(server.get("version").isTextual()).isTrue();
            server.get("extensions").forEach(e -> assertThat(e.isTextual()).isTrue());
            for (String path : new String[] {"/v2/models/iris", "/v2/models/iris/versions/1"}) {
                JsonNode model = json(get(path));
                assertThat(model.get("name").asText()).isEqualTo("iris");
                model.get("versions").forEach(v -> assertThat(v.isTextual()).isTrue());
                assertThat(model.get("platform").isTextual()).isTrue();
                assertThat(model.get("inputs")).hasSize(4);
                model.get("inputs").forEach(OpenInferenceProtocolConformance::assertTensorMetadata);
                model.get("outputs").forEach(OpenInferenceProtocolConformance::assertTensorMetadata);
            }
            assertError(get("/v2/models/mymodel"), 404);
            assertError(get("/v2/models/iris/versions/99"), 404);
        }

        @Test
        void theSpecificationsExampleRequestIsAnswered() throws Exception {
            deployed();
            for (String path : new String[] {"/v2/models/iris/infer", "/v2/models/iris/versions/1/infer"}) {
                HttpResponse<String> response = post(path, SPEC_EXAMPLE, null);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                JsonNode body = json(response);
                assertInferenceResponse(body, "42");
                // only the output the request names, batched: [2, classes]
                assertThat(body.get("outputs")).hasSize(1);
                assertThat(body.get("outputs").get(0).get("name").asText()).isEqualTo("probabilities");
                assertThat(body.get("outputs").get(0).get("shape").get(0).asInt()).isEqualTo(2);
            }
            // without "outputs" every output comes back; without "id" the server gives one
            JsonNode all = json(post("/v2/models/iris/infer", SPEC_EXAMPLE.replace("\"id\": \"42\",", "")
                    .replace(",\n \"outputs\": [{\"name\": \"probabilities\"}]", ""), null));
            assertThat(all.get("id").asText()).isNotBlank();
            assertInferenceResponse(all, all.get("id").asText());
            assertThat(all.get("outputs")).extracting(o -> o.get("name").asText()).containsExactly("label", "probabilities");
        }

        @Test
        void theSpecificationsLiteralExampleGetsErrorObjects() throws Exception {
            deployed();
            String literal = """
                    { "id": "42",
                      "inputs": [ {"name":"input0","shape":[2,2],"datatype":"UINT32","data":[1,2,3,4]},
                                  {"name":"input1","shape":[3],"datatype":"BOOL","data":[true]} ],
                      "outputs": [ {"name":"output0"} ] }""";
            assertError(post("/v2/models/mymodel/infer", literal, null), 404);
            assertError(post("/v2/models/iris/infer", literal, null), 400);
            assertError(post("/v2/models/iris/infer", SPEC_EXAMPLE.replace("\"probabilities\"}]", "\"output0\"}]"), null),
                    400);
            assertError(post("/v2/models/iris/infer", "{\"inputs\": ", null), 400);
        }
    }
}
