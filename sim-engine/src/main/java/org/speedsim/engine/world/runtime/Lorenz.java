package org.speedsim.engine.world.runtime;

import org.speedsim.engine.speed.Gini;

/** Inequality of token balances: the Gini coefficient and points of the Lorenz curve of sorted amounts. */
final class Lorenz {

    private Lorenz() {
    }

    /** Gini of the first {@code n} amounts, ascending (not reordered). */
    static double gini(long[] sortedAscending, int n) {
        return Gini.of(sortedAscending, n);
    }

    /**
     * L(p): the share of the total held by the poorest fraction {@code p} of the {@code n} holders, with the curve
     * linear between holders (L(k/n) = sum of the k smallest / total); 0 when the total is 0.
     */
    static double share(long[] sortedAscending, int n, long total, double p) {
        if (total <= 0 || n == 0) {
            return 0;
        }
        double k = p * n;
        int whole = (int) Math.floor(k);
        double sum = 0;
        for (int i = 0; i < whole && i < n; i++) {
            sum += sortedAscending[i];
        }
        if (whole < n) {
            sum += (k - whole) * sortedAscending[whole];
        }
        return sum / total;
    }
}
