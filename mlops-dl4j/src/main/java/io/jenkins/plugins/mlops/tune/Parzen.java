package io.jenkins.plugins.mlops.tune;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The Parzen densities of TPE over a search space, one dimension at a time. */
final class Parzen {
    /** Kernel width on the unit scale of a range. */
    static final double BANDWIDTH = 0.15;

    private Parzen() {
    }

    /** A point drawn from the kernels around {@code observed} (uniform when there are none). */
    static Map<String, Object> sample(SearchSpace space, List<Map<String, Object>> observed, SplittableRandom random) {
        Map<String, Object> out = new LinkedHashMap<>();
        space.dimensions.forEach((key, dim) -> {
            if (observed.isEmpty()) {
                out.put(key, dim instanceof SearchSpace.Choice c ? c.values().get(random.nextInt(c.values().size()))
                        : SearchSpace.number(((SearchSpace.Range) dim).sample(random), (SearchSpace.Range) dim));
                return;
            }
            Object centre = observed.get(random.nextInt(observed.size())).get(key);
            if (dim instanceof SearchSpace.Choice c) {
                // keep the observed choice mostly, explore the others sometimes
                out.put(key, random.nextDouble() < 0.8 ? centre : c.values().get(random.nextInt(c.values().size())));
            } else {
                SearchSpace.Range r = (SearchSpace.Range) dim;
                double u = r.unit(((Number) centre).doubleValue()) + BANDWIDTH * gaussian(random);
                out.put(key, SearchSpace.number(r.fromUnit(u), r));
            }
        });
        return out;
    }

    /** Log density of a point under kernels at the observed points, smoothed by a uniform prior. */
    static double logDensity(SearchSpace space, List<Map<String, Object>> observed, Map<String, Object> point) {
        double total = 0;
        for (Map.Entry<String, SearchSpace.Dimension> e : space.dimensions.entrySet()) {
            Object x = point.get(e.getKey());
            double density;
            if (e.getValue() instanceof SearchSpace.Choice c) {
                long same = observed.stream().filter(o -> x.equals(o.get(e.getKey()))).count();
                density = (same + 1.0) / (observed.size() + c.values().size());
            } else {
                SearchSpace.Range r = (SearchSpace.Range) e.getValue();
                double u = r.unit(((Number) x).doubleValue());
                double sum = 1.0;
                for (Map<String, Object> o : observed) {
                    double d = (u - r.unit(((Number) o.get(e.getKey())).doubleValue())) / BANDWIDTH;
                    sum += Math.exp(-0.5 * d * d) / (BANDWIDTH * Math.sqrt(2 * Math.PI));
                }
                density = sum / (observed.size() + 1.0);
            }
            total += Math.log(density);
        }
        return total;
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = Math.max(1e-12, random.nextDouble());
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
