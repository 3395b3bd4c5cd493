package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import io.jenkins.plugins.mlops.data.Shuffle;
import io.jenkins.plugins.mlops.data.Table;
import io.jenkins.plugins.mlops.schema.FieldType;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.IntStream;

/** The train/hold-out splits: seeded (stratified when asked) or by time; deterministic in the seed. */
final class Splits {
    private Splits() {
    }

    static long chooseSeed() {
        long seed;
        do {
            seed = new SecureRandom().nextInt(Integer.MAX_VALUE);
        } while (seed == 0);
        return seed;
    }

    /**
     * [training, held-out] rows: the last {@code test} share by the time column, oldest first (ties
     * keep file order), so that the model is tested on the future as it will be used.
     */
    static int[][] timeSplit(Table data, TrainSpec spec, Path dataFile) {
        int c = data.columnIndex(spec.split().column());
        Integer[] order = new Integer[data.rowCount()];
        Comparable<?>[] keys = new Comparable<?>[data.rowCount()];
        for (int r = 0; r < order.length; r++) {
            order[r] = r;
            String v = data.value(r, c);
            if (v == null) {
                throw InvalidInputException.at(dataFile, data.line(r), c + 1, "split column '" + spec.split().column()
                        + "' has no value; a time split needs one in every row");
            }
            Double number = FieldType.parseDouble(v);
            keys[r] = number != null ? number : v.replace('/', '-');
        }
        boolean numeric = Arrays.stream(keys).allMatch(k -> k instanceof Double);
        Arrays.sort(order, (a, b) -> numeric ? Double.compare((Double) keys[a], (Double) keys[b])
                : keys[a].toString().compareTo(keys[b].toString()));
        int n = (int) Math.round(order.length * spec.split().test());
        int[] train = Arrays.stream(order, 0, order.length - n).mapToInt(Integer::intValue).sorted().toArray();
        int[] test = Arrays.stream(order, order.length - n, order.length).mapToInt(Integer::intValue).sorted()
                .toArray();
        return new int[][] {train, test};
    }

    /** [kept indexes, held-out indexes], stratified by class when asked; deterministic in the seed. */
    static int[][] split(Table data, int labelColumn, boolean stratify, double share, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, List<Integer>> groups = new TreeMap<>();
        for (int r = 0; r < data.rowCount(); r++) {
            String key = stratify ? data.value(r, labelColumn) : "";
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        IntStream.Builder train = IntStream.builder();
        IntStream.Builder test = IntStream.builder();
        for (List<Integer> group : groups.values()) {
            int[] rows = group.stream().mapToInt(Integer::intValue).toArray();
            Shuffle.shuffle(rows, random);
            int n = (int) Math.round(rows.length * share);
            for (int i = 0; i < rows.length; i++) {
                (i < n ? test : train).add(rows[i]);
            }
        }
        return new int[][] {train.build().sorted().toArray(), test.build().sorted().toArray()};
    }
}
