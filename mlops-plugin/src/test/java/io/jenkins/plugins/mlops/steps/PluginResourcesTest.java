package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What the Snippet Generator and the build page read, checked offline: every Jelly file parses and
 * escapes by default, every help file parses, and each step's form, help files and parameters
 * (constructor plus setters) name the same things.
 */
class PluginResourcesTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final String ESCAPE = "<?jelly escape-by-default='true'?>";

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> all = Files.walk(RESOURCES)) {
            return all.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void everyJellyFileParsesAndEscapesByDefault() throws Exception {
        List<Path> jelly = files(".jelly");
        assertThat(jelly).hasSizeGreaterThanOrEqualTo(4);
        for (Path file : jelly) {
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as(file.toString()).startsWith(ESCAPE);
            parse(file);
        }
    }

    @Test
    void everyHelpFileParses() throws Exception {
        for (Path file : files(".html")) {
            parse(file);
        }
    }

    /** Constructor parameters and {@code @DataBoundSetter} properties, the names a Jenkinsfile may use. */
    static Set<String> parameters(Class<?> step) {
        Set<String> names = required(step);
        for (Method m : step.getMethods()) {
            if (m.isAnnotationPresent(DataBoundSetter.class)) {
                names.add(Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4));
            }
        }
        return names;
    }

    /** The {@code @DataBoundConstructor}'s parameters: what every call must give. */
    static Set<String> required(Class<?> step) {
        Set<String> names = new TreeSet<>();
        for (Constructor<?> c : step.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                for (Parameter p : c.getParameters()) {
                    assertThat(p.isNamePresent()).as("compiled with -parameters").isTrue();
                    names.add(p.getName());
                }
            }
        }
        return names;
    }

    /**
     * A parameter's help file as Jenkins finds it (Descriptor.getHelpFile walks the class and its
     * superclasses), so the parameters every step shares have one help file, beside EngineStep.
     */
    private static Path helpFile(Class<?> step, String parameter) {
        for (Class<?> c = step; c != null; c = c.getSuperclass()) {
            Path help = RESOURCES.resolve(c.getName().replace('.', '/')).resolve("help-" + parameter + ".html");
            if (Files.exists(help)) {
                return help;
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(classes = {ValidateDataStep.class, TrainModelStep.class, TestModelStep.class, ModelGateStep.class,
        RegisterModelStep.class, DeployModelStep.class, RollbackModelStep.class, MonitorModelStep.class,
        TuneModelStep.class, AnalyzeCanaryStep.class, ShadowReportStep.class, WithMlopsStep.class,
        VerifyAuditStep.class})
    void formHelpAndParametersAgree(Class<?> step) throws Exception {
        assertThat(Modifier.isPublic(step.getModifiers())).isTrue();
        Set<String> parameters = parameters(step);
        Path views = RESOURCES.resolve(step.getName().replace('.', '/'));
        Set<String> fields = new TreeSet<>();
        Matcher m = Pattern.compile("field=\"(\\w+)\"").matcher(Files.readString(views.resolve("config.jelly")));
        while (m.find()) {
            fields.add(m.group(1));
        }
        assertThat(fields).as("config.jelly of " + step.getSimpleName()).isEqualTo(parameters);
        for (String parameter : parameters) {
            assertThat(helpFile(step, parameter)).as("help of " + parameter).isNotNull();
            // a getter for every parameter: Jenkins reads a step back into the Snippet Generator
            String property = Character.toUpperCase(parameter.charAt(0)) + parameter.substring(1);
            assertThat(Stream.of("get", "is").anyMatch(prefix -> hasMethod(step, prefix + property)))
                    .as("getter of " + parameter).isTrue();
        }
    }

    private static boolean hasMethod(Class<?> type, String name) {
        try {
            type.getMethod(name);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Test
    void sezPozIndexesTheStepDescriptors() throws Exception {
        byte[] index = Files.readAllBytes(Path.of("target/classes/META-INF/annotations/hudson.Extension"));
        String text = new String(index, StandardCharsets.ISO_8859_1);
        for (Class<?> step : JenkinsfileContractTest.STEPS.values()) {
            assertThat(text).contains(step.getName() + "$DescriptorImpl");
        }
    }

    /**
     * The mlops tool: its descriptors are extensions, Declarative finds it as {@code mlops}, and its
     * constructors take what core's forms send (ToolInstallation/config.jelly: name, home, properties;
     * the installer's {@code <t:label/>}: label).
     */
    @Test
    void theToolAndItsInstallerBindAsCoreFormsSendThem() throws Exception {
        String index = new String(Files.readAllBytes(Path.of("target/classes/META-INF/annotations/hudson.Extension")),
                StandardCharsets.ISO_8859_1);
        assertThat(index).contains(MlopsInstallation.DescriptorImpl.class.getName())
                .contains(BundledEngineInstaller.DescriptorImpl.class.getName());
        assertThat(MlopsInstallation.DescriptorImpl.class.getAnnotation(org.jenkinsci.Symbol.class).value())
                .containsExactly("mlops");
        assertThat(parameterNames(MlopsInstallation.class)).containsExactly("name", "home", "properties");
        assertThat(parameterNames(BundledEngineInstaller.class)).containsExactly("label");
        assertThat(Files.readString(RESOURCES.resolve("io/jenkins/plugins/mlops/steps/BundledEngineInstaller/config.jelly")))
                .contains("<t:label/>");
    }

    private static List<String> parameterNames(Class<?> type) {
        Constructor<?> bound = Stream.of(type.getConstructors())
                .filter(c -> c.isAnnotationPresent(DataBoundConstructor.class)).findFirst().orElseThrow();
        return Stream.of(bound.getParameters()).map(Parameter::getName).toList();
    }
}
