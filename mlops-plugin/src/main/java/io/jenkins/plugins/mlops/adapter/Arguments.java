package io.jenkins.plugins.mlops.adapter;

import java.util.ArrayList;
import java.util.List;

/** Step parameters as CLI options: options whose value is unset are left out, so the engine's defaults apply. */
public final class Arguments {
    private final List<String> list = new ArrayList<>();

    /** @param command the engine command, one word each, e.g. {@code registry register} */
    public Arguments(String... command) {
        list.addAll(List.of(command));
    }

    public Arguments option(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            list.add("--" + name);
            list.add(value.toString());
        }
        return this;
    }

    /** A value without an option name, e.g. the version of {@code registry promote churn@3}. */
    public Arguments positional(String value) {
        if (value != null && !value.isBlank()) {
            list.add(value);
        }
        return this;
    }

    /** The option once per value, as picocli reads repeated options. */
    public Arguments options(String name, List<?> values) {
        if (values != null) {
            values.forEach(v -> option(name, v));
        }
        return this;
    }

    public Arguments flag(String name, boolean set) {
        if (set) {
            list.add("--" + name);
        }
        return this;
    }

    public List<String> toList() {
        return List.copyOf(list);
    }
}
