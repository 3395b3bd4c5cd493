package io.jenkins.plugins.mlops.tune;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/** The hyperparameters to search: each a list of choices or a numeric range. */
final class SearchSpace {
    static final Set<String> KEYS = Set.of("model.hidden", "model.activation", "model.dropout", "model.batchNorm",
            "training.learningRate", "training.batchSize", "training.epochs", "training.optimizer", "training.momentum",
            "training.weightDecay", "training.l2");

    /** One dimension: choices, or a range sampled uniformly, log-uniformly or as integers. */
    sealed interface Dimension permits Choice, Range {
    }

    record Choice(List<Object> values) implements Dimension {
    }

    record Range(String kind, double low, double high) implements Dimension {
        double sample(SplittableRandom random) {
            double u = random.nextDouble();
            return switch (kind) {
                case "log" -> Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low)));
                case "int" -> Math.floor(low + u * (high - low + 1));
                default -> low + u * (high - low);
            };
        }

        /** Position in [0, 1] of a value, in the range's own scale (log for log ranges). */
        double unit(double v) {
            return kind.equals("log") ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low))
                    : (v - low) / (high - low);
        }

        double fromUnit(double u) {
            double clamped = Math.max(0, Math.min(1, u));
            return switch (kind) {
                case "log" -> Math.exp(Math.log(low) + clamped * (Math.log(high) - Math.log(low)));
                case "int" -> Math.round(low + clamped * (high - low));
                default -> low + clamped * (high - low);
            };
        }
    }

    final Map<String, Dimension> dimensions;

    private SearchSpace(Map<String, Dimension> dimensions) {
        this.dimensions = dimensions;
    }

    static SearchSpace parse(Map<String, Object> space, Path specFile) {
        if (space == null || space.isEmpty()) {
            throw InvalidInputException.in(specFile, "'tune.space' is required: the hyperparameters to search");
        }
        Map<String, Dimension> dims = new TreeMap<>();
        for (Map.Entry<String, Object> e : space.entrySet()) {
            String key = e.getKey();
            if (!KEYS.contains(key)) {
                throw InvalidInputException.in(specFile, "'tune.space." + key + "' cannot be tuned (tunable: "
                        + new TreeSet<>(KEYS) + ")");
            }
            if (e.getValue() instanceof List<?> list && !list.isEmpty()) {
                dims.put(key, new Choice(List.copyOf(list)));
            } else if (e.getValue() instanceof Map<?, ?> map && map.size() == 1) {
                String kind = String.valueOf(map.keySet().iterator().next());
                Object bounds = map.values().iterator().next();
                if (!Set.of("log", "uniform", "int").contains(kind) || !(bounds instanceof List<?> b) || b.size() != 2
                        || !(b.get(0) instanceof Number lo) || !(b.get(1) instanceof Number hi)
                        || !(lo.doubleValue() < hi.doubleValue()) || kind.equals("log") && lo.doubleValue() <= 0) {
                    throw InvalidInputException.in(specFile, "'tune.space." + key + "' must be a list of choices or"
                            + " {log|uniform|int: [low, high]} with low < high (log: low > 0)");
                }
                dims.put(key, new Range(kind, lo.doubleValue(), hi.doubleValue()));
            } else {
                throw InvalidInputException.in(specFile, "'tune.space." + key + "' must be a non-empty list of choices or"
                        + " {log|uniform|int: [low, high]}");
            }
        }
        return new SearchSpace(dims);
    }

    /** Every combination of the choices, in a stable order; ranges are not allowed in a grid. */
    List<Map<String, Object>> grid(Path specFile) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, Dimension> e : dimensions.entrySet()) {
            if (!(e.getValue() instanceof Choice c)) {
                throw InvalidInputException.in(specFile, "'tune.space." + e.getKey() + "' is a range; a grid needs lists"
                        + " of choices");
            }
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object v : c.values()) {
                    Map<String, Object> m = new LinkedHashMap<>(partial);
                    m.put(e.getKey(), v);
                    next.add(m);
                }
            }
            out = next;
        }
        return out;
    }

    Map<String, Object> sample(SplittableRandom random) {
        Map<String, Object> params = new LinkedHashMap<>();
        dimensions.forEach((key, dim) -> params.put(key, dim instanceof Choice c
                ? c.values().get(random.nextInt(c.values().size())) : number(((Range) dim).sample(random), (Range) dim)));
        return params;
    }

    static Object number(double v, Range r) {
        return r.kind().equals("int") ? (Object) (long) v : (Object) v;
    }
}
