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
import com.cloudbees.plugins.credentials.CredentialsProvider;
import java.io.IOException;
import java.util.ArrayList;
import org.springframework.security.core.Authentication;
import java.util.List;
import hudson.util.ListBoxModel;
import hudson.util.FormValidation;
import hudson.model.ItemGroup;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.ExtensionList;
import hudson.model.AbstractItem;
import hudson.model.Actionable;
import hudson.model.Cause;
import hudson.model.Item;
import hudson.security.AccessControlled;
import hudson.security.Permission;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import jenkins.util.Timer;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Checks, by reflection, the properties of the stubs that would turn into {@code NoSuchMethodError},
 * {@code IncompatibleClassChangeError} or a missing extension index in a plugin compiled against them.
 */
class SignaturesTest {

    /** The credentials lookups erase to what the credentials plugin (1307 and later) links against. */
    @Test
    void credentialsLookupsEraseToTheirSpringSecuritySignatures() throws Exception {
        assertThat(CredentialsProvider.class.getMethod("lookupCredentialsInItemGroup", Class.class, ItemGroup.class,
                Authentication.class, List.class).getReturnType()).isEqualTo(List.class);
        assertThat(CredentialsProvider.class.getMethod("listCredentialsInItemGroup", Class.class, ItemGroup.class,
                Authentication.class, List.class, CredentialsMatcher.class).getReturnType()).isEqualTo(ListBoxModel.class);
        assertThat(CredentialsProvider.class.getMethod("track", Run.class, Credentials.class).getReturnType())
                .isEqualTo(Credentials.class);
        assertThat(ListBoxModel.class.getSuperclass()).isEqualTo(ArrayList.class);
        assertThat(IOException.class).isAssignableFrom(FormValidation.class);
        assertThat(Modifier.isAbstract(FormValidation.class.getModifiers())).isTrue();
    }

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

    @Test
    void userIdCauseIsAStaticNestedClass() {
        Class<?> c = Cause.UserIdCause.class;
        assertThat(c.getName()).isEqualTo("hudson.model.Cause$UserIdCause");
        assertThat(Modifier.isStatic(c.getModifiers())).isTrue();
        assertThat(c.getSuperclass()).isEqualTo(Cause.class);
    }

    @Test
    void lastBuildActionBinaryName() {
        assertThat(SimpleBuildStep.LastBuildAction.class.getName()).isEqualTo("jenkins.tasks.SimpleBuildStep$LastBuildAction");
        assertThat(SimpleBuildStep.LastBuildAction.class.isInterface()).isTrue();
    }

    @Test
    void simpleBuildStepPerformOverloadsAreDefaultMethods() throws Exception {
        Method four = SimpleBuildStep.class.getMethod("perform", Run.class, hudson.FilePath.class, Launcher.class, hudson.model.TaskListener.class);
        Method five = SimpleBuildStep.class.getMethod("perform", Run.class, hudson.FilePath.class, hudson.EnvVars.class, Launcher.class, hudson.model.TaskListener.class);
        assertThat(four.isDefault()).isTrue();
        assertThat(five.isDefault()).isTrue();
    }

    @Test
    void jenkinsGetIsStaticAndReturnsJenkins() throws Exception {
        Method m = Jenkins.class.getMethod("get");
        assertThat(Modifier.isStatic(m.getModifiers())).isTrue();
        assertThat(m.getReturnType()).isEqualTo(Jenkins.class);
        assertThat(Jenkins.class.getConstructors()).isEmpty();
        Field f = Jenkins.class.getField("ADMINISTER");
        assertThat(f.getType()).isEqualTo(Permission.class);
        assertThat(Modifier.isStatic(f.getModifiers()) && Modifier.isFinal(f.getModifiers())).isTrue();
        assertThat(f.get(null)).isNull();
    }

    @Test
    void findCredentialByIdErasure() throws Exception {
        Method m = CredentialsProvider.class.getMethod("findCredentialById", String.class, Class.class, Run.class, DomainRequirement[].class);
        assertThat(Modifier.isStatic(m.getModifiers())).isTrue();
        assertThat(m.isVarArgs()).isTrue();
        assertThat(m.getReturnType()).isEqualTo(IdCredentials.class);
    }

    @Test
    void runGetCauseErasesToCause() throws Exception {
        assertThat(Run.class.getMethod("getCause", Class.class).getReturnType()).isEqualTo(Cause.class);
        Method save = Run.class.getDeclaredMethod("save");
        assertThat(Modifier.isSynchronized(save.getModifiers())).isTrue();
        assertThat(Modifier.isFinal(Run.class.getMethod("getTimeInMillis").getModifiers())).isTrue();
    }

    @Test
    void getActionsLivesOnActionable() throws Exception {
        Method m = Run.class.getMethod("getActions", Class.class);
        assertThat(m.getDeclaringClass()).isEqualTo(Actionable.class);
        assertThat(m.getReturnType()).isEqualTo(java.util.List.class);
    }

    @Test
    void lookupSingletonIsStaticAndErasesToObject() throws Exception {
        Method m = ExtensionList.class.getMethod("lookupSingleton", Class.class);
        assertThat(Modifier.isStatic(m.getModifiers())).isTrue();
        assertThat(m.getReturnType()).isEqualTo(Object.class);
        assertThat(ExtensionList.class.getSuperclass()).isEqualTo(java.util.AbstractList.class);
    }

    @Test
    void accessControlledDefaultsAndItemConstants() throws Exception {
        assertThat(AccessControlled.class.getMethod("checkPermission", Permission.class).isDefault()).isTrue();
        assertThat(AccessControlled.class.getMethod("hasPermission", Permission.class).isDefault()).isTrue();
        assertThat(Item.class.getField("BUILD").get(null)).isNull();
        assertThat(Item.class.isAssignableFrom(AbstractItem.class)).isTrue();
        assertThat(Item.class.isAssignableFrom(Job.class)).isTrue();
        assertThat(Modifier.isFinal(Permission.class.getModifiers())).isTrue();
        assertThat(Permission.class.getConstructors()).isEmpty();
    }

    @Test
    void timerGetAndGlobalConfiguration() throws Exception {
        Method m = Timer.class.getMethod("get");
        assertThat(Modifier.isStatic(m.getModifiers()) && Modifier.isSynchronized(m.getModifiers())).isTrue();
        assertThat(m.getReturnType()).isEqualTo(ScheduledExecutorService.class);
        Method d = GlobalConfiguration.class.getMethod("getDescriptor");
        assertThat(Modifier.isFinal(d.getModifiers())).isTrue();
        assertThat(Modifier.isProtected(GlobalConfiguration.class.getDeclaredConstructor().getModifiers())).isTrue();
    }
}
