package org.speedsim.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.rng.RandomStreams;

/**
 * The popularity sampler against the exact choice probabilities {@code w_i exp(-(t - r_i)/tau)} normalised over the
 * released torrents, computed here directly in log space (an independent formula, no blocks, no cumulative sums).
 */
class PopularityIndexTest {

    /** Releases spread over {@code spanTaus} decay constants, weights Zipf-like, in release order. */
    private static long[] releases(int n, double spanTaus, long tau, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            r[i] = (long) (rng.nextDouble() * spanTaus * tau);
        }
        java.util.Arrays.sort(r);
        return r;
    }

    private static double[] exact(long[] r, double[] w, long tau, int released, long now) {
        double[] log = new double[released];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < released; i++) {
            log[i] = Math.log(w[i]) - ((double) now - r[i]) / tau;
            max = Math.max(max, log[i]);
        }
        double sum = 0;
        double[] p = new double[released];
        for (int i = 0; i < released; i++) {
            p[i] = Math.exp(log[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < released; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * Chi-square goodness of fit of 200,000 draws against the exact probabilities, for catalogues whose releases span
     * 0.5 tau (one block) and 2,000 tau (many blocks, where a single table of {@code exp(r/tau)} would overflow), at
     * several times and released counts. Torrents whose expected count is below 5 are pooled into one cell. Each of
     * the 6 cases must have p > 1e-4 (family-wise false alarm rate below 6e-4).
     */
    @Test
    void drawsFollowTheExactCurrentPopularity() {
        long tau = 3_600_000_000L;
        int n = 300;
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.pow(1 + (i * 7919) % n, -0.9);
        }
        int cases = 0;
        for (double span : new double[] {0.5, 2000}) {
            long[] r = releases(n, span, tau, 11);
            PopularityIndex index = new PopularityIndex(r, w, tau);
            if (span > 100) {
                assertTrue(index.blocks() > 10, "blocks: " + index.blocks());
            }
            for (int released : new int[] {n, n / 3, 40}) {
                long now = r[released - 1] + tau / 3;
                double[] p = exact(r, w, tau, released, now);
                RandomGenerator rng = new RandomStreams(5, 0).stream("test", released);
                int draws = 200_000;
                long[] counts = new long[released];
                for (int k = 0; k < draws; k++) {
                    int pos = index.sample(rng.nextDouble(), released, now);
                    assertTrue(pos >= 0 && pos < released, "position " + pos);
                    counts[pos]++;
                }
                double pValue = pooledChiSquare(p, counts, draws);
                assertTrue(pValue > 1e-4, "span " + span + " tau, released " + released + ": p = " + pValue);
                cases++;
            }
        }
        assertEquals(6, cases);
    }

    static double pooledChiSquare(double[] p, long[] counts, long draws) {
        int cells = 0;
        double[] expected = new double[p.length + 1];
        long[] observed = new long[p.length + 1];
        double restExpected = 0;
        long restObserved = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] * draws >= 5) {
                expected[cells] = p[i] * draws;
                observed[cells++] = counts[i];
            } else {
                restExpected += p[i] * draws;
                restObserved += counts[i];
            }
        }
        if (restExpected > 0) {
            if (restExpected < 5 && restObserved == 0) {
                restExpected = 0;
            } else {
                expected[cells] = restExpected;
                observed[cells++] = restObserved;
            }
        }
        double sumE = 0;
        long sumO = 0;
        for (int i = 0; i < cells; i++) {
            sumE += expected[i];
            sumO += observed[i];
        }
        double[] e = new double[cells];
        long[] o = new long[cells];
        for (int i = 0; i < cells; i++) {
            e[i] = expected[i] * sumO / sumE;
            o[i] = observed[i];
        }
        return new ChiSquareTest().chiSquareTest(e, o);
    }

    @Test
    void nothingReleasedChoosesNothing() {
        PopularityIndex index = new PopularityIndex(new long[] {5, 9}, new double[] {1, 1}, 10);
        assertEquals(-1, index.sample(0.3, 0, 100));
        assertEquals(0, index.sample(0.999, 1, 100));
    }
}
