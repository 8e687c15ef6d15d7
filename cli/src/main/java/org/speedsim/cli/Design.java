package org.speedsim.cli;

import java.util.Locale;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * The designs of {@code sweep}: a full factorial grid, or points in the unit cube [0, 1)^d that {@link DesignFactor}
 * maps onto the parameters' ranges: a Latin hypercube (each factor's N equal strata hold exactly one point each), a
 * Sobol low-discrepancy sequence (commons-math3, the all-zero first point skipped), or Saltelli's sampling for Sobol
 * sensitivity indices (base samples A and B from the first and last d columns of a 2d-dimensional Sobol sequence,
 * then for each factor i the sample AB_i: A with column i from B; N (d + 2) points in the order A, B, AB_1 .. AB_d).
 *
 * <p>Invariant: a design depends only on its kind, N, d and (for the Latin hypercube) the random stream it is given,
 * never on the order in which anything else is created.
 */
enum Design {
    GRID, LHS, SOBOL, SALTELLI;

    /** The name on the command line. */
    String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The design named {@code text} on the command line. */
    static Design parse(String text) throws UserInputException {
        for (Design d : values()) {
            if (d.option().equals(text)) {
                return d;
            }
        }
        throw new UserInputException("--design " + text + ": expected grid, lhs, sobol or saltelli");
    }

    /** Points of the design for {@code n} (base) points and {@code d} factors; the grid has none here. */
    double[][] unitPoints(int n, int d, RandomGenerator stream) {
        return switch (this) {
            case GRID -> throw new IllegalStateException("a grid is not drawn in the unit cube");
            case LHS -> latinHypercube(n, d, stream);
            case SOBOL -> sobol(n, d);
            case SALTELLI -> saltelli(n, d);
        };
    }

    /** How many points the design runs for {@code n} and {@code d}. */
    long size(int n, int d) {
        return this == SALTELLI ? (long) n * (d + 2) : n;
    }

    /**
     * A Latin hypercube of {@code n} points in {@code d} dimensions: for each factor an independent random
     * permutation of the strata [k/n, (k+1)/n), and a uniform position inside each stratum.
     */
    static double[][] latinHypercube(int n, int d, RandomGenerator stream) {
        double[][] x = new double[n][d];
        int[] strata = new int[n];
        for (int i = 0; i < d; i++) {
            for (int k = 0; k < n; k++) {
                strata[k] = k;
            }
            for (int k = n - 1; k > 0; k--) {
                int j = stream.nextInt(k + 1);
                int s = strata[k];
                strata[k] = strata[j];
                strata[j] = s;
            }
            for (int k = 0; k < n; k++) {
                x[k][i] = (strata[k] + stream.nextDouble()) / n;
            }
        }
        return x;
    }

    /** The first {@code n} points of the {@code d}-dimensional Sobol sequence after the all-zero point. */
    static double[][] sobol(int n, int d) {
        SobolSequenceGenerator sequence = new SobolSequenceGenerator(d);
        sequence.nextVector();
        double[][] x = new double[n][];
        for (int k = 0; k < n; k++) {
            x[k] = sequence.nextVector();
        }
        return x;
    }

    /** Saltelli's design: A, B, then AB_1 .. AB_d, {@code n} rows each. */
    static double[][] saltelli(int n, int d) {
        double[][] base = sobol(n, 2 * d);
        double[][] x = new double[n * (d + 2)][d];
        for (int j = 0; j < n; j++) {
            System.arraycopy(base[j], 0, x[j], 0, d);
            System.arraycopy(base[j], d, x[n + j], 0, d);
            for (int i = 0; i < d; i++) {
                double[] row = x[(2 + i) * n + j];
                System.arraycopy(base[j], 0, row, 0, d);
                row[i] = base[j][d + i];
            }
        }
        return x;
    }
}
