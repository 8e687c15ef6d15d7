package org.speedsim.reports;

import java.util.Arrays;

/**
 * A Lorenz curve: at each population share p (the poorest p of the holders), the share of all tokens they hold,
 * and the Gini coefficient, one minus twice the area under the curve.
 *
 * <p>From individual amounts the curve has a point per holder (sorted ascending) and the Gini is exact:
 * {@code G = 2 sum_i i x_(i) / (n sum x) - (n + 1) / n}. From a curve given at a few population shares (the time
 * series' {@code lorenz_p10..p90}) the area is the trapezoids' between the points, (0, 0) and (1, 1) added: a
 * lower bound of the Gini of the amounts behind it (the curve is convex between the points).
 *
 * <p>Invariant: {@code population} and {@code share} start at 0 and end at 1 and increase; gini is in [0, 1] for
 * non-negative amounts; NaN when the amounts sum to 0 (no curve to draw).
 */
public record Lorenz(double[] population, double[] share, double gini) {

    /** The curve and exact Gini of non-negative {@code amounts}. */
    public static Lorenz of(double[] amounts) {
        double[] sorted = amounts.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double total = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            if (!(sorted[i] >= 0) || Double.isInfinite(sorted[i])) {
                throw new IllegalArgumentException("Lorenz curve of a negative or non-finite amount: " + sorted[i]);
            }
            total += sorted[i];
            weighted += (i + 1) * sorted[i];
        }
        double[] population = new double[n + 1];
        double[] share = new double[n + 1];
        double cumulative = 0;
        for (int i = 0; i < n; i++) {
            cumulative += sorted[i];
            population[i + 1] = (double) (i + 1) / n;
            share[i + 1] = total > 0 ? cumulative / total : Double.NaN;
        }
        if (n > 0 && total > 0) {
            share[n] = 1;
        }
        double gini = total > 0 ? 2 * weighted / (n * total) - (double) (n + 1) / n : Double.NaN;
        return new Lorenz(population, share, gini);
    }

    /**
     * The curve through the points ({@code population[i]}, {@code share[i]}) with (0, 0) and (1, 1) added, and the
     * Gini of that piecewise-linear curve; NaN when a share is NaN.
     */
    public static Lorenz ofPoints(double[] population, double[] share) {
        if (population.length != share.length) {
            throw new IllegalArgumentException(population.length + " population shares but " + share.length
                    + " token shares");
        }
        double[] x = new double[population.length + 2];
        double[] y = new double[x.length];
        for (int i = 0; i < population.length; i++) {
            x[i + 1] = population[i];
            y[i + 1] = share[i];
        }
        x[x.length - 1] = 1;
        y[y.length - 1] = 1;
        double area = 0;
        for (int i = 1; i < x.length; i++) {
            area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        }
        return new Lorenz(x, y, 1 - 2 * area);
    }
}
