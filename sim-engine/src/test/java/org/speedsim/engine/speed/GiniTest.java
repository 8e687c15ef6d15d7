package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Gini coefficient against hand values and against its definition as a mean absolute difference. */
class GiniTest {

    @Test
    void handValues() {
        assertEquals(0.0, Gini.of(new long[] {5, 5, 5, 5}, 4), 1e-12);
        assertEquals(0.75, Gini.of(new long[] {0, 7, 0, 0}, 4), 1e-12, "one of four holds all: (n-1)/n");
        assertEquals(0.25, Gini.of(new long[] {4, 1, 3, 2}, 4), 1e-12, "sum |xi-xj| = 20 over 2 n^2 mean = 80");
        assertEquals(0.0, Gini.of(new long[] {0, 0, 0}, 3), 0.0, "nobody holds tokens");
        assertEquals(0.0, Gini.of(new long[] {9}, 1), 0.0);
        assertEquals(0.0, Gini.of(new long[] {9, 1, 100}, 1), 0.0, "only the first n entries count");
    }

    @Test
    void equalsMeanAbsoluteDifferenceOverTwiceTheMean() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 500; trial++) {
            int n = 2 + r.nextInt(40);
            long[] x = new long[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextInt(4) == 0 ? 0 : r.nextLong(1, 1_000_000_000L);
            }
            double sumAbs = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += x[i];
                for (int j = 0; j < n; j++) {
                    sumAbs += Math.abs(x[i] - x[j]);
                }
            }
            double expected = total == 0 ? 0 : sumAbs / (2.0 * n * total);
            assertEquals(expected, Gini.of(x.clone(), n), 1e-9);
        }
    }
}
