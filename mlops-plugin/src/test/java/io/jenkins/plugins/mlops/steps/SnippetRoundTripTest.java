package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Snippet Generator's round trip, per step, the way Jenkins does it: the form binds every
 * field (an empty text field as {@code ""}, an unticked box as {@code false}) through the
 * {@code @DataBoundConstructor} and setters, then the snippet lists each optional parameter whose
 * getter differs from a step made with the required ones only. An empty field must write nothing
 * (so the global {@code failOn} is not overridden), and the form must not fill in defaults.
 */
class SnippetRoundTripTest {
    static Stream<Class<? extends EngineStep>> steps() {
        return Stream.of(ValidateDataStep.class, TrainModelStep.class, TestModelStep.class, ModelGateStep.class,
                ApproveModelStep.class, RegisterModelStep.class, DeployModelStep.class, RollbackModelStep.class,
                MonitorModelStep.class, TuneModelStep.class, AnalyzeCanaryStep.class, ShadowReportStep.class,
                VerifyAuditStep.class, PredictBatchStep.class, PromoteModelStep.class, ModelCardStep.class);
    }

    @ParameterizedTest
    @MethodSource("steps")
    void anEmptyFormWritesOnlyTheRequiredParameters(Class<? extends EngineStep> type) throws Exception {
        EngineStep required = required(type);
        EngineStep fromForm = required(type);
        for (Method setter : setters(type)) {
            Class<?> param = setter.getParameterTypes()[0];
            setter.invoke(fromForm, param == String.class ? "" : param == boolean.class ? false
                    : param == List.class ? List.of("") : 0);
        }
        assertThat(snippet(fromForm)).isEqualTo(snippet(required)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("steps")
    void theFormFillsInNoDefaults(Class<? extends EngineStep> type) throws Exception {
        Path jelly = Path.of("src/main/resources/io/jenkins/plugins/mlops/steps", type.getSimpleName(), "config.jelly");
        for (String line : Files.readAllLines(jelly)) {
            // a default in the form would be written into every generated snippet
            // (the header's escape-by-default, and timeoutMinutes' 0, which is the step's own default, aside)
            if (line.contains("default=") && !line.startsWith("<?jelly")) {
                assertThat(line.trim()).as(jelly.toString()).isEqualTo("<f:number default=\"0\"/>");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theGatesTextAreaBecomesAListOfResults() {
        ModelGateStep gate = new ModelGateStep(List.of("mlops/validation\nmlops/train\r\n\n mlops/test "));
        assertThat(gate.getResults()).containsExactly("mlops/validation", "mlops/train", "mlops/test");
        assertThat(new ModelGateStep(List.of("a", "b")).getResults()).containsExactly("a", "b");
    }

    @org.junit.jupiter.api.Test
    void givenValuesRoundTrip() {
        ValidateDataStep step = new ValidateDataStep("data/train.csv");
        step.setSchema(" schema.json ");
        step.setFailOn("unstable");
        assertThat(snippet(step)).containsExactly(Map.entry("failOn", "UNSTABLE"), Map.entry("schema", "schema.json"));
    }

    /** The step with its required parameters only, as {@code validateData data: 'x'} would make it. */
    private static EngineStep required(Class<? extends EngineStep> type) throws Exception {
        Constructor<?> constructor = Stream.of(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class)).findFirst().orElseThrow();
        List<Object> args = new ArrayList<>();
        for (Parameter p : constructor.getParameters()) {
            args.add(p.getType() == List.class ? List.of("mlops/validation") : "x");
        }
        return (EngineStep) constructor.newInstance(args.toArray());
    }

    private static List<Method> setters(Class<?> type) {
        return Stream.of(type.getMethods()).filter(m -> m.isAnnotationPresent(DataBoundSetter.class)).toList();
    }

    /** The optional parameters a snippet would list: those whose getter differs from the required-only step's. */
    private static Map<String, Object> snippet(EngineStep step) {
        Map<String, Object> written = new TreeMap<>();
        try {
            EngineStep defaults = required(step.getClass());
            for (Method setter : setters(step.getClass())) {
                String property = setter.getName().substring(3);
                Method getter = getter(step.getClass(), property);
                Object value = getter.invoke(step);
                if (!java.util.Objects.equals(value, getter.invoke(defaults))) {
                    written.put(Character.toLowerCase(property.charAt(0)) + property.substring(1), value);
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return written;
    }

    private static Method getter(Class<?> type, String property) throws NoSuchMethodException {
        try {
            return type.getMethod("get" + property);
        } catch (NoSuchMethodException e) {
            return type.getMethod("is" + property);
        }
    }
}
