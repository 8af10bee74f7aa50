package org.picu.demo.replay;

import java.nio.charset.StandardCharsets;

/** Deterministic pseudo-random numbers from a seed and a key: the same inputs give the same value on every run. */
final class Seeded {
    private Seeded() {
    }

    /** A value in [0, 1) for {@code (seed, key, n)}. */
    static double unit(long seed, String key, long n) {
        return (mix(seed, key, n) >>> 11) * 0x1.0p-53;
    }

    /** A value in [0, bound) for {@code (seed, key, n)}. */
    static int below(long seed, String key, long n, int bound) {
        return (int) Math.floorMod(mix(seed, key, n), (long) bound);
    }

    private static long mix(long seed, String key, long n) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001B3L;
        }
        h ^= n * 0xC2B2AE3D27D4EB4FL;
        // SplitMix64's finaliser
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }
}
