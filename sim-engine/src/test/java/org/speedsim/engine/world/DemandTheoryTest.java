package org.speedsim.engine.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.swarm.Distribution;

/** The requests the demand driver reports, against the theory of the model: Zipf ranks and exponential decay. */
class DemandTheoryTest {

    /**
     * Static catalogue (40 torrents, all released at the start, so decay scales every torrent alike): the share of
     * requests for rank r is exactly r^-s / H(40, s). Chi-square over the 40 ranks with about 60,000 requests, for
     * s = 0.8 and s = 1.2 and three seeds each; every p > 1e-4 (family-wise false alarm rate below 6e-4).
     */
    @Test
    void requestsFollowZipfOverRanks() {
        for (double s : new double[] {0.8, 1.2}) {
            for (long seed = 1; seed <= 3; seed++) {
                WorldConfig config = new WorldConfig(Worlds.staticCatalogue(40, s, Worlds.DAY),
                        Worlds.alwaysOnline(50, 1.0 / 60), 20 * Worlds.HOUR);
                RandomStreams streams = new RandomStreams(seed, 0);
                World world = World.generate(config, streams);
                Worlds.Recorder log = Worlds.run(world, streams);
                int n = world.catalogue().size();
                long[] byRank = new long[n];
                List<long[]> requests = log.of(Worlds.Recorder.REQUEST);
                for (long[] e : requests) {
                    byRank[world.catalogue().torrent((int) e[3]).rank() - 1]++;
                }
                double h = 0;
                for (int r = 1; r <= n; r++) {
                    h += Math.pow(r, -s);
                }
                double[] p = new double[n];
                for (int r = 1; r <= n; r++) {
                    p[r - 1] = Math.pow(r, -s) / h;
                }
                assertTrue(requests.size() > 50_000, "requests " + requests.size());
                double pValue = PopularityIndexTest.pooledChiSquare(p, byRank, requests.size());
                assertTrue(pValue > 1e-4, "s=" + s + " seed " + seed + ": p = " + pValue);
            }
        }
    }

    /**
     * Demand decays exponentially after release with time constant tau. With torrents released over time, the chance
     * that a request made at t picks torrent i is {@code w_i exp(-theta a_i(t)) / sum_j w_j exp(-theta a_j(t))} over
     * the released torrents, with a_i(t) the age: a conditional logit in theta. Its maximum-likelihood estimate from
     * the reported requests (Newton's method on the concave log-likelihood, computed here from the catalogue alone)
     * has a 99.9 % Wald interval theta +- 3.29 / sqrt(Fisher information) that must contain 1/tau, and must be
     * narrower than +-6 % of 1/tau so that a wrong decay cannot pass. Three seeds.
     */
    @Test
    void demandDecaysWithTheConfiguredTimeConstant() {
        long tau = 12 * Worlds.HOUR;
        for (long seed = 1; seed <= 3; seed++) {
            CatalogueConfig catalogue = new CatalogueConfig(5, new Distribution.Fixed(0), 60.0 / 86400,
                    new Distribution.Fixed(1e9), 256 * 1024, 0.7, tau, new Distribution.Fixed(0));
            WorldConfig config = new WorldConfig(catalogue, Worlds.alwaysOnline(20, 1.0 / 600), 4 * Worlds.DAY);
            RandomStreams streams = new RandomStreams(seed, 0);
            World world = World.generate(config, streams);
            Worlds.Recorder log = Worlds.run(world, streams);
            List<long[]> requests = log.of(Worlds.Recorder.REQUEST);
            Catalogue c = world.catalogue();
            double theta = 0.5;
            double info = 0;
            for (int iteration = 0; iteration < 30; iteration++) {
                double score = 0;
                info = 0;
                for (long[] e : requests) {
                    long now = e[1];
                    double sumW = 0;
                    double sumWA = 0;
                    double sumWA2 = 0;
                    for (int t = 0; t < c.size(); t++) {
                        Torrent torrent = c.torrent(t);
                        if (torrent.releaseMicros() > now) {
                            continue;
                        }
                        double age = (double) (now - torrent.releaseMicros()) / tau;
                        double x = torrent.weight() * Math.exp(-theta * age);
                        sumW += x;
                        sumWA += x * age;
                        sumWA2 += x * age * age;
                    }
                    double mean = sumWA / sumW;
                    Torrent chosen = c.torrent((int) e[3]);
                    score += mean - (double) (now - chosen.releaseMicros()) / tau;
                    info += sumWA2 / sumW - mean * mean;
                }
                double step = score / info;
                theta += step;
                if (Math.abs(step) < 1e-9) {
                    break;
                }
            }
            double half = 3.29 / Math.sqrt(info);
            assertTrue(half < 0.06, "seed " + seed + ": interval too wide, +-" + half);
            assertTrue(Math.abs(theta - 1) < half, "seed " + seed + ": theta*tau = " + theta + " +- " + half
                    + " excludes 1");
        }
    }

    /**
     * Releases are a Poisson process of rate rho: over 30 seeds of a 10-day horizon at 50 per day, the total count
     * is Poisson(15,000) (|z| < 4), and the counts in 100 bins of 2.4 hours (5 expected each) within each run have the
     * dispersion of a Poisson sample: sum over bins of (n - mean)^2 / mean, summed over the 30 seeds, lies in the
     * central 99.98 % of a chi-square with 30 x 99 degrees of freedom.
     */
    @Test
    void releasesArePoisson() {
        double rate = 50.0 / 86400;
        long horizon = 10 * Worlds.DAY;
        CatalogueConfig config = new CatalogueConfig(3, new Distribution.Fixed(0), rate, new Distribution.Fixed(1e9),
                256 * 1024, 1, Worlds.DAY, new Distribution.Fixed(0));
        int seeds = 30;
        int bins = 100;
        long total = 0;
        double dispersion = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            Catalogue c = Catalogue.generate(config, new RandomStreams(seed, 2), horizon);
            long[] counts = new long[bins];
            int n = 0;
            for (int t = 0; t < c.size(); t++) {
                long r = c.torrent(t).releaseMicros();
                if (t < 3) {
                    assertEquals(0, r);
                    continue;
                }
                assertTrue(r > 0 && r <= horizon);
                counts[(int) Math.min(bins - 1, r * bins / horizon)]++;
                n++;
            }
            total += n;
            double mean = (double) n / bins;
            for (long k : counts) {
                dispersion += (k - mean) * (k - mean) / mean;
            }
        }
        double expected = seeds * rate * horizon / 1e6;
        double z = (total - expected) / Math.sqrt(expected);
        assertTrue(Math.abs(z) < 4, "total " + total + " vs " + expected + ": z = " + z);
        ChiSquaredDistribution chi = new ChiSquaredDistribution(seeds * (bins - 1));
        double p = chi.cumulativeProbability(dispersion);
        assertTrue(p > 1e-4 && p < 1 - 1e-4, "dispersion " + dispersion + ", P = " + p);
    }
}
