package io.jenkins.plugins.mlops.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.Extension;
import hudson.Launcher;
import hudson.model.DirectoryBrowserSupport;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import net.java.sezpoz.Indexable;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;
import org.junit.jupiter.api.Test;

/**
 * Checks, by reflection, the properties of the stubs that would turn into {@code NoSuchMethodError},
 * {@code IncompatibleClassChangeError} or a missing extension index in a plugin compiled against them.
 */
class SignaturesTest {

    @Test
    void runGetParentErasesToJob() throws Exception {
        Method m = Run.class.getMethod("getParent");
        assertThat(m.getReturnType()).isEqualTo(Job.class);
    }

    @Test
    void runGetPreviousBuildErasesToRun() throws Exception {
        Method m = Run.class.getMethod("getPreviousBuild");
        assertThat(m.getReturnType()).isEqualTo(Run.class);
    }

    @Test
    void synchronousNonBlockingRunErasesToObject() throws Exception {
        Method m = SynchronousNonBlockingStepExecution.class.getDeclaredMethod("run");
        assertThat(m.getReturnType()).isEqualTo(Object.class);
        assertThat(Modifier.isProtected(m.getModifiers())).isTrue();
        assertThat(Modifier.isAbstract(m.getModifiers())).isTrue();
    }

    @Test
    void procStarterIsANonStaticInnerClassOfLauncher() throws Exception {
        Class<?> c = Launcher.ProcStarter.class;
        assertThat(c.getName()).isEqualTo("hudson.Launcher$ProcStarter");
        assertThat(c.getEnclosingClass()).isEqualTo(Launcher.class);
        assertThat(Modifier.isStatic(c.getModifiers())).isFalse();
        assertThat(Modifier.isFinal(c.getModifiers())).isTrue();
        // an inner class's constructor takes the enclosing instance
        assertThat(c.getDeclaredConstructor(Launcher.class)).isNotNull();
        assertThat(Launcher.class.getMethod("launch").getReturnType()).isEqualTo(c);
        assertThat(c.getMethod("quiet", boolean.class).getReturnType()).isEqualTo(c);
    }

    @Test
    void extensionCarriesTheSezPozMetaAnnotationsAndTargets() {
        assertThat(Extension.class.isAnnotationPresent(Indexable.class)).isTrue();
        assertThat(Extension.class.getAnnotation(Retention.class).value()).isEqualTo(RetentionPolicy.RUNTIME);
        assertThat(Extension.class.getAnnotation(Target.class).value())
                .containsExactlyInAnyOrder(ElementType.TYPE, ElementType.FIELD, ElementType.METHOD);
    }

    @Test
    void resultConstantsAreNotCompileTimeConstants() throws Exception {
        for (String name : new String[] {"SUCCESS", "UNSTABLE", "FAILURE", "NOT_BUILT", "ABORTED"}) {
            Field f = Result.class.getField(name);
            int mods = f.getModifiers();
            assertThat(Modifier.isPublic(mods) && Modifier.isStatic(mods) && Modifier.isFinal(mods)).as(name).isTrue();
            assertThat(f.getType()).as(name).isEqualTo(Result.class);
            // an object-typed field is never a constant variable; reading it gives the stub's null, not an
            // inlined value
            assertThat(f.get(null)).as(name).isNull();
        }
        assertThat(Result.SUCCESS).isNull();
        assertThat(Modifier.isFinal(Result.class.getModifiers())).isTrue();
    }

    @Test
    void stepApiGenericSignaturesMatchTheRealOnes() throws Exception {
        assertThat(StepDescriptor.class.getMethod("getRequiredContext").getGenericReturnType().getTypeName())
                .isEqualTo("java.util.Set<? extends java.lang.Class<?>>");
        Method get = StepContext.class.getMethod("get", Class.class);
        assertThat(get.getReturnType()).isEqualTo(Object.class);
        assertThat(get.getExceptionTypes()).extracting(Class::getName)
                .containsExactly("java.io.IOException", "java.lang.InterruptedException");
    }

    @Test
    void directoryBrowserSupportGenerateResponseTakesTheJakartaStaplerTypes() throws Exception {
        Method m = DirectoryBrowserSupport.class.getMethod(
                "generateResponse", StaplerRequest2.class, StaplerResponse2.class, Object.class);
        assertThat(m.getReturnType()).isEqualTo(void.class);
        assertThat(m.getExceptionTypes()).extracting(Class::getName)
                .containsExactly("java.io.IOException", "jakarta.servlet.ServletException");
        assertThat(Modifier.isFinal(DirectoryBrowserSupport.class.getModifiers())).isTrue();
        // the Stapler 2 types are the Jakarta EE 9 ones, not stapler 1.263's javax StaplerRequest/StaplerResponse
        assertThat(StaplerRequest2.class.isInterface()).isTrue();
        assertThat(StaplerRequest2.class.getInterfaces()).extracting(Class::getName)
                .containsExactly("jakarta.servlet.http.HttpServletRequest");
        assertThat(StaplerResponse2.class.getInterfaces()).extracting(Class::getName)
                .containsExactly("jakarta.servlet.http.HttpServletResponse");
    }
}
