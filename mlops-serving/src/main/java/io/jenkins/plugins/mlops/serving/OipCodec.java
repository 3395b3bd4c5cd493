package io.jenkins.plugins.mlops.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.mlops.contract.Json;
import io.jenkins.plugins.mlops.model.PackagedModel;
import io.jenkins.plugins.mlops.model.Prediction;
import io.jenkins.plugins.mlops.model.Task;
import io.jenkins.plugins.mlops.schema.Field;
import io.jenkins.plugins.mlops.schema.Schema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Open Inference Protocol V2's tabular encoding: metadata, request rows and answers, as JSON. */
final class OipCodec {
    private OipCodec() {
    }

    /** The model's OIP metadata: its versions, inputs (from the input schema) and outputs. */
    static ObjectNode metadata(DeployedModels.Entry entry, List<String> versionList) {
        ObjectNode meta = Json.JSON.createObjectNode().put("name", entry.name());
        ArrayNode versionNodes = meta.putArray("versions");
        versionList.forEach(versionNodes::add);
        meta.put("platform", "dl4j_mlp");
        Schema schema = Json.readJson(entry.model().dir().resolve(PackagedModel.INPUT_SCHEMA_FILE), Schema.class);
        ArrayNode inputs = meta.putArray("inputs");
        for (Field f : schema.fields()) {
            inputs.addObject().put("name", f.name()).put("datatype", datatype(f)).putArray("shape").add(-1);
        }
        ArrayNode outputs = meta.putArray("outputs");
        if (entry.model().info().task() == Task.CLASSIFICATION) {
            outputs.addObject().put("name", "label").put("datatype", "BYTES").putArray("shape").add(-1);
            outputs.addObject().put("name", "probabilities").put("datatype", "FP32").putArray("shape").add(-1)
                    .add(entry.model().info().classes().size());
        } else {
            outputs.addObject().put("name", "prediction").put("datatype", "FP64").putArray("shape").add(-1);
        }
        return meta;
    }

    static String datatype(Field f) {
        return switch (f.type()) {
            case INTEGER -> "INT64";
            case NUMBER -> "FP64";
            case BOOLEAN -> "BOOL";
            default -> "BYTES";
        };
    }

    /**
     * The rows of a tabular OIP request: one named input per feature column, rows along the first
     * dimension, in {@code features} order; every mistake is an HTTP 400 naming it.
     */
    static List<String[]> rows(JsonNode request, List<String> features, int maxRows) {
        JsonNode inputs = request.get("inputs");
        if (inputs == null || !inputs.isArray() || inputs.isEmpty()) {
            throw new HttpError(400, "'inputs' must be a non-empty array with one input per feature column " + features);
        }
        Map<String, List<String>> columns = new HashMap<>();
        int rows = -1;
        for (JsonNode input : inputs) {
            String name = input.path("name").asText(null);
            if (name == null) {
                throw new HttpError(400, "every input needs a 'name'");
            }
            if (!features.contains(name)) {
                throw new HttpError(400, "unexpected input '" + name + "'; this model takes " + features);
            }
            List<String> values = new ArrayList<>();
            flatten(input.get("data"), values, name);
            long declared = input.path("shape").path(0).asLong(values.size());
            if (declared != values.size()) {
                throw new HttpError(400, "input '" + name + "' declares shape " + input.path("shape") + " but has "
                        + values.size() + " values");
            }
            if (rows >= 0 && values.size() != rows) {
                throw new HttpError(400, "input '" + name + "' has " + values.size() + " rows, others have " + rows);
            }
            rows = values.size();
            columns.put(name, values);
        }
        List<String> missing = features.stream().filter(f -> !columns.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new HttpError(400, "missing inputs " + missing + "; send one input per feature column, null for"
                    + " a missing value");
        }
        if (rows > maxRows) {
            throw new HttpError(400, "batch of " + rows + " rows exceeds the limit of " + maxRows);
        }
        List<List<String>> ordered = features.stream().map(columns::get).toList();
        List<String[]> raw = new ArrayList<>(rows);
        for (int r = 0; r < rows; r++) {
            String[] row = new String[ordered.size()];
            for (int c = 0; c < row.length; c++) {
                row[c] = ordered.get(c).get(r);
            }
            raw.add(row);
        }
        return raw;
    }

    /** The OIP answer: the label and probabilities of a classifier, or the prediction, as requested. */
    static ObjectNode answer(DeployedModels.Entry entry, String id, List<Prediction> predictions, Set<String> requested) {
        int rows = predictions.size();
        ObjectNode response = Json.JSON.createObjectNode().put("model_name", entry.name())
                .put("model_version", entry.version()).put("id", id);
        ArrayNode outputs = response.putArray("outputs");
        boolean classification = entry.model().info().task() == Task.CLASSIFICATION;
        if (classification) {
            ObjectNode label = outputs.addObject().put("name", "label").put("datatype", "BYTES");
            label.putArray("shape").add(rows);
            ArrayNode labels = label.putArray("data");
            int k = entry.model().info().classes().size();
            ObjectNode probs = outputs.addObject().put("name", "probabilities").put("datatype", "FP32");
            probs.putArray("shape").add(rows).add(k);
            probs.putObject("parameters").put("classes", String.join(",", entry.model().info().classes()));
            ArrayNode data = probs.putArray("data");
            for (Prediction p : predictions) {
                labels.add(p.label());
                for (double v : p.probabilities()) {
                    data.add((float) v);
                }
            }
        } else {
            ObjectNode out = outputs.addObject().put("name", "prediction").put("datatype", "FP64");
            out.putArray("shape").add(rows);
            ArrayNode data = out.putArray("data");
            predictions.forEach(p -> data.add(p.value()));
        }
        for (int i = outputs.size() - 1; i >= 0; i--) {
            if (!requested.contains(outputs.get(i).get("name").asText())) {
                outputs.remove(i);
            }
        }
        return response;
    }

    /** The outputs a request names ({@code "outputs": [{"name": ...}]}), all of the model's when it names none. */
    static Set<String> requestedOutputs(JsonNode request, DeployedModels.Entry entry) {
        List<String> available = entry.model().info().task() == Task.CLASSIFICATION
                ? List.of("label", "probabilities") : List.of("prediction");
        JsonNode outputs = request.get("outputs");
        if (outputs == null || outputs.isNull()) {
            return Set.copyOf(available);
        }
        if (!outputs.isArray()) {
            throw new HttpError(400, "'outputs' must be an array of {\"name\": ...}");
        }
        Set<String> names = new HashSet<>();
        for (JsonNode output : outputs) {
            String name = output.path("name").asText(null);
            if (name == null || !available.contains(name)) {
                throw new HttpError(400, "unknown output " + (name == null ? "without a 'name'" : "'" + name + "'")
                        + "; this model has " + available);
            }
            names.add(name);
        }
        return names.isEmpty() ? Set.copyOf(available) : names;
    }

    /** Row-major values of one input, nested or flat; JSON null is a missing value. */
    private static void flatten(JsonNode data, List<String> out, String input) {
        if (data == null || !data.isArray()) {
            throw new HttpError(400, "input '" + input + "' needs a 'data' array");
        }
        for (JsonNode v : data) {
            if (v.isArray()) {
                flatten(v, out, input);
            } else if (v.isNull()) {
                out.add(null);
            } else if (v.isNumber() || v.isTextual() || v.isBoolean()) {
                out.add(v.asText());
            } else {
                throw new HttpError(400, "input '" + input + "' has an element that is not a number, string or bool");
            }
        }
    }
}
