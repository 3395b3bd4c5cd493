package io.jenkins.plugins.mlops.adapter;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Who may answer an approval prompt: the {@code submitter} list (user ids and group names,
 * comma-separated, as the {@code input} step takes it), compared with the security realm's own
 * notion of equal ids (case-insensitive in most realms, not in all).
 */
public final class Submitters {
    private final List<String> names;

    /** @param list comma-separated; {@code null} or blank: no list (the job's Build permission decides) */
    public Submitters(String list) {
        this.names = list == null ? List.of() : Arrays.stream(list.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    public boolean isRestricted() {
        return !names.isEmpty();
    }

    /**
     * @param sameUser the realm's user id comparison
     * @param sameGroup the realm's group name comparison
     */
    public boolean admits(String user, Collection<String> groups, BiPredicate<String, String> sameUser,
                          BiPredicate<String, String> sameGroup) {
        for (String name : names) {
            if (sameUser.test(name, user) || groups.stream().anyMatch(g -> sameGroup.test(name, g))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return String.join(", ", names);
    }
}
