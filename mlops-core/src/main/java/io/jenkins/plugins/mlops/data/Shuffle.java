package io.jenkins.plugins.mlops.data;

import java.util.SplittableRandom;

/** Seeded Fisher–Yates shuffles: the same seed always gives the same order. */
public final class Shuffle {
    private Shuffle() {
    }

    /** A random permutation of 0..n-1. */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, random);
        return p;
    }

    public static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }
}
