package io.jenkins.plugins.mlops.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.data.CsvReader;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.model.PackagedModel;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real requests to a real server: the drift gauges stay at 0 for the data the model knows and turn on for a shift. */
class TrafficDriftTest {
    private static final String SHIFTED = "petal length (cm)";
    private final HttpClient client = HttpClient.newHttpClient();

    /** Rows {@code from..to} of Iris as one OIP request, {@code shift} added to one column. */
    private static String request(Table iris, int from, int to, double shift) {
        ObjectNode body = Json.JSON.createObjectNode();
        ArrayNode inputs = body.putArray("inputs");
        for (String column : iris.columns()) {
            if (column.equals("target")) {
                continue;
            }
            ObjectNode input = inputs.addObject().put("name", column).put("datatype", "FP64");
            input.putArray("shape").add(to - from);
            ArrayNode data = input.putArray("data");
            int c = iris.columnIndex(column);
            for (int r = from; r < to; r++) {
                data.add(Double.parseDouble(iris.value(r, c)) + (column.equals(SHIFTED) ? shift : 0));
            }
        }
        return body.toString();
    }

    private void send(ModelServer server, Table iris, double shift, int times) throws Exception {
        for (int t = 0; t < times; t++) {
            for (int from = 0; from < iris.rowCount(); from += 50) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(server.url()
                                + "/v2/models/iris/infer")).POST(HttpRequest.BodyPublishers.ofString(
                                request(iris, from, Math.min(iris.rowCount(), from + 50), shift))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).isEqualTo(200);
            }
        }
    }

    private String gauge(String metrics, String name, String labels) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{" + Pattern.quote(labels) + "} (\\S+)$").matcher(metrics);
        assertThat(m.find()).as(name + "{" + labels + "} in\n" + metrics).isTrue();
        return m.group(1);
    }

    private String scrape(ModelServer server) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url() + "/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void gaugesFlagAShiftedFeatureAndOnlyThatFeature(@TempDir Path tmp) throws Exception {
        Path spec = tmp.resolve("iris.yaml");
        Files.writeString(spec, "name: iris\ntask: classification\nlabel: target\nseed: 7\ntraining: {epochs: 30}\n");
        TrainStep.run(spec, Fixtures.dataset("iris.csv"), tmp.resolve("train"), new PrintStream(OutputStream.nullOutputStream()));
        Table iris = new CsvReader().read(Fixtures.dataset("iris.csv"));
        try (ModelServer server = new ModelServer(new ServerConfig("127.0.0.1", 0, null, null, null,
                ServerConfig.DEFAULT_MAX_REQUEST_BYTES, 100)).start()) {
            server.deploy("iris", "1", PackagedModel.load(tmp.resolve("train/model")));

            send(server, iris, 0, 2);
            String clean = scrape(server);
            assertThat(gauge(clean, "model_drift_window_rows", "model=\"iris\",version=\"1\"")).isEqualTo("300.0");
            for (String feature : new String[] {"sepal length (cm)", "sepal width (cm)", SHIFTED, "petal width (cm)"}) {
                assertThat(gauge(clean, "model_input_drift", "feature=\"" + feature + "\",model=\"iris\",version=\"1\""))
                        .as(feature).isEqualTo("0.0");
            }
            assertThat(gauge(clean, "model_prediction_drift", "model=\"iris\",version=\"1\"")).isEqualTo("0.0");

            // two centimetres (about 1.1 standard deviations) on one feature, for a whole window
            send(server, iris, 2.0, 7);
            String shifted = scrape(server);
            assertThat(gauge(shifted, "model_input_drift", "feature=\"" + SHIFTED + "\",model=\"iris\",version=\"1\""))
                    .isEqualTo("1.0");
            assertThat(Double.parseDouble(gauge(shifted, "model_input_drift_effect",
                    "feature=\"" + SHIFTED + "\",model=\"iris\",version=\"1\""))).isGreaterThan(0.5);
            assertThat(gauge(shifted, "model_input_drift", "feature=\"sepal width (cm)\",model=\"iris\",version=\"1\""))
                    .isEqualTo("0.0");
        }
    }
}
