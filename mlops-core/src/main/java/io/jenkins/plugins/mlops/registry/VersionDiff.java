package io.jenkins.plugins.mlops.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** What differs between two registered versions: metrics, training data and spec digests, seed, code. */
public final class VersionDiff {
    private VersionDiff() {
    }

    /**
     * One line of the comparison.
     *
     * @param note the change of a metric ({@code (+0.0123)}), {@code (differs)} for other facts, or empty
     */
    public record Row(String what, Object a, Object b, String note) {
    }

    public static List<Row> of(ModelVersion a, ModelVersion b) {
        List<Row> rows = new ArrayList<>();
        Set<String> metrics = new TreeSet<>(a.metrics().keySet());
        metrics.addAll(b.metrics().keySet());
        for (String m : metrics) {
            Double x = a.metrics().get(m);
            Double y = b.metrics().get(m);
            rows.add(new Row("metric " + m, x, y, x != null && y != null
                    ? String.format(Locale.ROOT, "(%+.4f)", y - x) : ""));
        }
        rows.add(fact("data sha256", a.lineage().dataSha256(), b.lineage().dataSha256()));
        rows.add(fact("data rows", a.lineage().dataRows(), b.lineage().dataRows()));
        rows.add(fact("spec sha256", a.lineage().specSha256(), b.lineage().specSha256()));
        rows.add(fact("seed", a.lineage().seed(), b.lineage().seed()));
        rows.add(fact("code commit", a.lineage().codeCommit(), b.lineage().codeCommit()));
        rows.add(fact("package digest", a.packageDigest(), b.packageDigest()));
        return rows;
    }

    private static Row fact(String what, Object x, Object y) {
        return new Row(what, x, y, Objects.equals(x, y) ? "" : "(differs)");
    }
}
