package hudson;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import jenkins.YesNoMaybe;
import net.java.sezpoz.Indexable;

/**
 * Compile-only signature of the real {@code hudson.Extension} at Jenkins 2.479.3 (see the module README).
 * The meta-annotations are the real ones: {@link Indexable} makes SezPoz write {@code META-
 * INF/annotations/hudson.Extension}.
 */
@Indexable
@Retention(RUNTIME)
@Target({TYPE, FIELD, METHOD})
@Documented
public @interface Extension {
    double ordinal() default 0;

    // Not @Deprecated at 2.479.3: that came with jenkinsci/jenkins PR #11201 (merged 2025-10).
    boolean optional() default false;

    YesNoMaybe dynamicLoadable() default YesNoMaybe.MAYBE;
}
