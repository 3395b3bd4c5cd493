package org.jenkinsci;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-only signature of the real {@code org.jenkinsci.Symbol} (structs-plugin, module
 * {@code annotation}; shipped with Jenkins core as {@code org.jenkins-ci:symbol-annotation}). The
 * real one also carries {@code @org.jvnet.hudson.annotation_indexer.Indexed}, whose processor
 * writes {@code META-INF/annotations/org.jenkinsci.Symbol}; annotation-indexer cannot be resolved
 * from Maven Central here, so the plugin keeps that index by hand and a test checks it against the
 * annotated classes (see the module README).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Symbol {
    String[] value();
}
