package org.speedsim.engine.speed;

import java.util.Arrays;

/**
 * The Gini coefficient of non-negative amounts: 0 when all are equal, approaching 1 when one holder has everything
 * ({@code (n - 1) / n} exactly, for n holders).
 */
public final class Gini {

    private Gini() {
    }

    /**
     * The Gini coefficient of the first {@code n} entries of {@code amounts} (which it sorts in place); 0 when
     * {@code n < 2} or every amount is 0.
     */
    public static double of(long[] amounts, int n) {
        if (n < 2) {
            return 0;
        }
        Arrays.sort(amounts, 0, n);
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            if (amounts[i] < 0) {
                throw new IllegalArgumentException("negative amount " + amounts[i]);
            }
            total += amounts[i];
            weighted += (i + 1) * (double) amounts[i];
        }
        if (total == 0) {
            return 0;
        }
        return 2 * weighted / (n * total) - (n + 1.0) / n;
    }
}
