package jenkins;

/** Compile-only signature of the real {@code jenkins.YesNoMaybe} at Jenkins 2.479.3 (see the module README). */
public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}
