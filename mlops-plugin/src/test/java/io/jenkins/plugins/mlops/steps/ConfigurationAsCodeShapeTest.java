package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jenkinsci.Symbol;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * What Configuration as Code needs to export the global configuration and read it back: a symbol to
 * name it ({@code unclassified: mlops:}), and for every attribute it sets (a {@code @DataBoundSetter})
 * a public getter of the same type, which the export reads. An attribute without one is silently
 * left out of the export, and lost in the round trip. (The round trip itself, export then apply, was
 * seen in a real Jenkins with the configuration-as-code plugin: the stubs cannot construct the class.)
 */
class ConfigurationAsCodeShapeTest {
    @Test
    void theGlobalConfigurationIsNamedMlops() {
        assertThat(MlopsConfiguration.class.getAnnotation(Symbol.class).value()).containsExactly("mlops");
    }

    @Test
    void everyAttributeCascSetsHasTheGetterItExports() throws Exception {
        List<Method> setters = Arrays.stream(MlopsConfiguration.class.getMethods())
                .filter(m -> m.isAnnotationPresent(DataBoundSetter.class)).toList();
        assertThat(setters).extracting(Method::getName)
                .containsExactlyInAnyOrder("setRegistry", "setServerUrl", "setAdminTokenCredentialsId", "setFailOn");
        for (Method setter : setters) {
            String property = setter.getName().substring(3);
            Class<?> type = setter.getParameterTypes()[0];
            Method getter = MlopsConfiguration.class.getMethod((type == boolean.class ? "is" : "get") + property);
            assertThat(getter.getReturnType()).as(getter.getName()).isEqualTo(type);
            assertThat(Modifier.isPublic(getter.getModifiers())).isTrue();
            assertThat(setter.getParameterCount()).isEqualTo(1);
            assertThat(property.substring(0, 1).toLowerCase(Locale.ROOT) + property.substring(1))
                    .as("the YAML key").matches("[a-z][A-Za-z]+");
        }
    }
}
