package io.jenkins.plugins.mlops.registry;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.util.regex.Pattern;

/**
 * A reference to a registered model: {@code name} (latest version), {@code name@3} (a version) or
 * {@code name@production} (an alias).
 */
public record ModelRef(String name, String selector) {
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public static ModelRef parse(String text) {
        int at = text.indexOf('@');
        String name = at < 0 ? text : text.substring(0, at);
        String selector = at < 0 ? null : text.substring(at + 1);
        checkName(name);
        if (selector != null && !NAME.matcher(selector).matches()) {
            throw new InvalidInputException("invalid model reference '" + text + "': expected NAME, NAME@VERSION or NAME@ALIAS");
        }
        return new ModelRef(name, selector);
    }

    public static String checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException("invalid model name '" + name
                    + "': use letters, digits, '.', '_' and '-' (at most 64, starting with a letter or digit)");
        }
        return name;
    }

    public boolean isVersion() {
        return selector != null && selector.chars().allMatch(Character::isDigit);
    }

    @Override
    public String toString() {
        return selector == null ? name : name + "@" + selector;
    }
}
