package io.jenkins.plugins.mlops.contract;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The project's JSON and YAML mappers. Unknown keys are errors everywhere, so that a typo in a
 * spec is reported instead of silently ignored.
 */
public final class Json {
    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(paths())
            .build();
    public static final ObjectMapper YAML = YAMLMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();
    /** One JSON document per line: log lines, hashed content, HTTP bodies. */
    public static final ObjectWriter COMPACT = JSON.writer().without(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Paths as they were given ({@code data/batch.csv}), not as absolute {@code file:} URIs. */
    private static SimpleModule paths() {
        return new SimpleModule("paths")
                .addSerializer(Path.class, ToStringSerializer.instance)
                .addDeserializer(Path.class, new FromStringDeserializer<>(Path.class) {
                    @Override
                    protected Path _deserialize(String value, DeserializationContext context) {
                        return Path.of(value);
                    }
                });
    }

    /** A value as the JSON files we write hold it: indented, with a final newline, in UTF-8. */
    public static byte[] document(Object value) {
        try {
            return (JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A value as one line of JSON. */
    public static String compact(Object value) {
        try {
            return COMPACT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** Reads a YAML (or JSON, a subset) file into {@code type}; every failure is an input error. */
    public static <T> T readYaml(Path file, Class<T> type) {
        return read(YAML, file, type);
    }

    public static <T> T readJson(Path file, Class<T> type) {
        return read(JSON, file, type);
    }

    public static JsonNode readTree(Path file) {
        return read(JSON, file, JsonNode.class);
    }

    private static <T> T read(ObjectMapper mapper, Path file, Class<T> type) {
        try {
            T value = mapper.readValue(Files.readAllBytes(file), type);
            if (value == null) {
                throw InvalidInputException.in(file, "file is empty");
            }
            return value;
        } catch (NoSuchFileException e) {
            throw InvalidInputException.in(file, "no such file");
        } catch (JsonProcessingException e) {
            throw located(file, e);
        } catch (IOException e) {
            throw InvalidInputException.in(file, "cannot read: " + e.getMessage());
        }
    }

    /** Turns a Jackson error into one line with file, line and column, naming the bad key. */
    public static InvalidInputException located(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        long line = loc == null ? 0 : loc.getLineNr();
        long column = loc == null ? 0 : loc.getColumnNr();
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "unknown key '" + u.getPropertyName() + "'" + keyPath(e)
                    + " (known keys: " + u.getKnownPropertyIds() + ")";
        } else {
            message = firstLine(e.getOriginalMessage()) + keyPath(e);
        }
        return InvalidInputException.at(file, line, column, message);
    }

    private static String keyPath(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
            return path.length() == 0 ? "" : " at '" + path + "'";
        }
        return "";
    }

    /** The first line of a parser message; Jackson appends source excerpts on the next ones. */
    public static String firstLine(String text) {
        if (text == null) {
            return "invalid content";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }
}
