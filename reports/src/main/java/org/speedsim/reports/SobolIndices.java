package org.speedsim.reports;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * First-order and total Sobol sensitivity indices of a model output from a Saltelli design: two independent samples
 * A and B of N points each, and for each factor i the sample AB_i (A with column i taken from B). With V the variance
 * of the outputs f(A) and f(B) pooled, Jansen's estimators are
 * {@code S_i = (V - mean((f(B) - f(AB_i))^2) / 2) / V} (B and AB_i share only factor i) and
 * {@code ST_i = mean((f(A) - f(AB_i))^2) / 2 / V} (A and AB_i share every factor but i). Confidence intervals are
 * bootstrap percentile intervals: the N base samples (row j of A, B and every AB_i together) resampled with
 * replacement from the given random stream.
 *
 * <p>Invariant: the same outputs and the same stream give the same indices and intervals; a model whose output
 * does not vary gives NaN (no variance to apportion).
 */
public final class SobolIndices {

    /** An index with its confidence interval. */
    public record Index(double value, double lower, double upper) {
    }

    /** The first-order and total index of one factor. */
    public record Factor(Index firstOrder, Index total) {
    }

    private SobolIndices() {
    }

    /**
     * The indices of each factor.
     *
     * @param fA        outputs at the N points of A
     * @param fB        outputs at the N points of B
     * @param fAB       {@code fAB[i][j]}: output at row j of AB_i
     * @param resamples bootstrap resamples (at least 100 for a stable 95 % interval)
     * @param level     confidence level in (0, 1)
     * @param bootstrap the stream that draws the resampled rows
     */
    public static List<Factor> estimate(double[] fA, double[] fB, double[][] fAB, int resamples, double level,
                                        RandomGenerator bootstrap) {
        int n = fA.length;
        int d = fAB.length;
        if (fB.length != n || n < 2 || Arrays.stream(fAB).anyMatch(x -> x.length != n)) {
            throw new IllegalArgumentException("A, B and every AB_i need the same number (at least 2) of rows");
        }
        int[] all = new int[n];
        Arrays.setAll(all, j -> j);
        double[] first = new double[d];
        double[] total = new double[d];
        indices(fA, fB, fAB, all, first, total);
        double[][] firstDraws = new double[d][resamples];
        double[][] totalDraws = new double[d][resamples];
        int[] rows = new int[n];
        double[] f = new double[d];
        double[] t = new double[d];
        for (int b = 0; b < resamples; b++) {
            for (int j = 0; j < n; j++) {
                rows[j] = bootstrap.nextInt(n);
            }
            indices(fA, fB, fAB, rows, f, t);
            for (int i = 0; i < d; i++) {
                firstDraws[i][b] = f[i];
                totalDraws[i][b] = t[i];
            }
        }
        List<Factor> out = new ArrayList<>();
        for (int i = 0; i < d; i++) {
            out.add(new Factor(interval(first[i], firstDraws[i], level), interval(total[i], totalDraws[i], level)));
        }
        return out;
    }

    /** Jansen's estimates over the base rows {@code rows} (with repeats when resampled). */
    private static void indices(double[] fA, double[] fB, double[][] fAB, int[] rows, double[] first,
                                double[] total) {
        int n = rows.length;
        double sum = 0;
        for (int j : rows) {
            sum += fA[j] + fB[j];
        }
        double mean = sum / (2.0 * n);
        double squares = 0;
        for (int j : rows) {
            squares += (fA[j] - mean) * (fA[j] - mean) + (fB[j] - mean) * (fB[j] - mean);
        }
        double variance = squares / (2.0 * n - 1);
        for (int i = 0; i < fAB.length; i++) {
            double firstSum = 0;
            double totalSum = 0;
            for (int j : rows) {
                double b = fB[j] - fAB[i][j];
                double a = fA[j] - fAB[i][j];
                firstSum += b * b;
                totalSum += a * a;
            }
            boolean flat = !(variance > 0);
            first[i] = flat ? Double.NaN : (variance - firstSum / (2.0 * n)) / variance;
            total[i] = flat ? Double.NaN : totalSum / (2.0 * n) / variance;
        }
    }

    private static Index interval(double value, double[] draws, double level) {
        if (Double.isNaN(value)) {
            return new Index(Double.NaN, Double.NaN, Double.NaN);
        }
        double[] finite = Arrays.stream(draws).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (finite.length == 0) {
            return new Index(value, Double.NaN, Double.NaN);
        }
        double tail = (1 - level) / 2;
        int lo = (int) Math.floor(tail * (finite.length - 1));
        int hi = (int) Math.ceil((1 - tail) * (finite.length - 1));
        return new Index(value, finite[lo], finite[hi]);
    }
}
