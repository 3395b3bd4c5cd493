package io.jenkins.plugins.mlops.adapter;

import java.util.ArrayList;
import java.util.List;

/** Step parameters as CLI options: options whose value is unset are left out, so the engine's defaults apply. */
public final class Arguments {
    private final List<String> list = new ArrayList<>();

    public Arguments(String command) {
        list.add(command);
    }

    public Arguments option(String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            list.add("--" + name);
            list.add(value.toString());
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
