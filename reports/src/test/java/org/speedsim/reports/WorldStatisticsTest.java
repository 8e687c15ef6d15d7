package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.engine.world.RequestRecord;
import org.speedsim.engine.world.RequestRecord.Outcome;
import org.speedsim.engine.world.TorrentRecord;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.reports.format.ReportFiles.RequestSuccessRow;

/**
 * The world report's statistics against hand-computed cases and a brute-force count: torrent survival by decile
 * (Kaplan-Meier), the Lorenz curve and Gini coefficient, and request success binned by time and decile.
 */
class WorldStatisticsTest {

    @TempDir
    Path tmp;

    private static TorrentRecord torrent(int id, int rank, long releaseS, long firstUnavailableS) {
        long release = releaseS * 1_000_000L;
        long from = Math.max(0, release);
        long death = firstUnavailableS < 0 ? -1 : firstUnavailableS * 1_000_000L;
        return new TorrentRecord(id, 1, 1, release, from, rank, 0, 0, 0, 0.5, death, death, 1, 0);
    }

    private static WorldResult withTorrents(WorldResult base, List<TorrentRecord> torrents,
                                            List<RequestRecord> requests) {
        return new WorldResult(base.config(), base.summary(), torrents, base.users(), requests, base.series(),
                base.wallSeconds());
    }

    /**
     * 40 torrents, a 1000 s run: decile 1 (ranks 1-4) lives 100 (event), 200 (censored: released at 800), 300
     * (event, released before the start) and 400 (censored: released at 600). By hand: S = 3/4 after 100 s (4 at
     * risk, 1 event), then 200 is censored, S = 3/4 x 1/2 = 3/8 after 300 s (2 at risk, 1 event). Rank 5, released
     * after the end, is left out: decile 2 has ranks 6-8 only, all censored.
     */
    @Test
    void torrentSurvivalByDecileIsTheHandComputedKaplanMeier() throws IOException {
        List<TorrentRecord> ts = new ArrayList<>(List.of(torrent(0, 1, 0, 100), torrent(1, 2, 800, -1),
                torrent(2, 3, -50, 300), torrent(3, 4, 600, -1), torrent(4, 5, 1200, -1)));
        for (int k = 5; k < 40; k++) {
            ts.add(torrent(k, k + 1, 0, -1));
        }
        Path dir = tmp.resolve("0");
        new WorldOutputWriter().write(dir, withTorrents(WorldFixtures.result("km", 0), ts, List.of()));
        Map<Integer, SurvivalCurve> curves = TorrentLifetimes.byDecile(List.of(WorldReplication.read(dir)));
        SurvivalCurve d1 = curves.get(1);
        assertArrayEquals(new double[] {100, 300}, d1.times());
        assertArrayEquals(new double[] {0.75, 0.375}, d1.survival(), 1e-12);
        assertArrayEquals(new int[] {4, 2}, d1.atRisk());
        assertArrayEquals(new int[] {1, 1}, d1.events());
        assertArrayEquals(new double[] {200, 400}, d1.censored());
        SurvivalCurve d2 = curves.get(2);
        assertEquals(3, d2.subjects(), "the torrent released after the end is not a subject");
        assertEquals(0, d2.times().length);
        assertEquals(10, curves.size());
    }

    @Test
    void aRankOutsideTheCatalogueOrADeathBeforeTheReleaseIsRefused() throws IOException {
        for (List<TorrentRecord> ts : List.of(List.of(torrent(0, 1, 0, 100), torrent(1, 0, 0, -1)),
                List.of(torrent(0, 1, 0, 100), torrent(1, 2, 300, 200)))) {
            Path dir = tmp.resolve("bad" + ts.get(1).rank());
            new WorldOutputWriter().write(dir, withTorrents(WorldFixtures.result("bad", 0), ts, List.of()));
            WorldReplication read = WorldReplication.read(dir);
            DamagedResultException e = org.junit.jupiter.api.Assertions.assertThrows(DamagedResultException.class,
                    () -> TorrentLifetimes.of(read));
            assertTrue(e.getMessage().contains("torrents.csv") && e.getMessage().contains("line 3"), e.getMessage());
        }
    }

    @Test
    void lorenzCurveAndGiniOfAmountsAreTheHandComputedOnes() {
        Lorenz l = Lorenz.of(new double[] {3, 0, 1, 0});
        assertArrayEquals(new double[] {0, 0.25, 0.5, 0.75, 1}, l.population(), 0);
        assertArrayEquals(new double[] {0, 0, 0, 0.25, 1}, l.share(), 1e-15);
        // 1 - sum (x_k - x_{k-1})(y_k + y_{k-1}) = 1 - 0.25 (0 + 0 + 0.25 + 1.25) = 0.625
        assertEquals(0.625, l.gini(), 1e-15);
        assertEquals(0, Lorenz.of(new double[] {2, 2, 2, 2}).gini(), 1e-15);
        assertEquals(0.75, Lorenz.of(new double[] {0, 0, 0, 5}).gini(), 1e-15, "(n - 1) / n when one holds all");
        assertTrue(Double.isNaN(Lorenz.of(new double[] {0, 0}).gini()));
    }

    @Test
    void giniOfACurveGivenAtDecilesIsTheTrapezoidArea() {
        double[] p = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
        assertEquals(0, Lorenz.ofPoints(p, p).gini(), 1e-12, "the line of equality");
        assertEquals(0.9, Lorenz.ofPoints(p, new double[9]).gini(), 1e-12, "the richest tenth holds all: area 0.05");
        double[] squares = new double[9];
        for (int i = 0; i < 9; i++) {
            squares[i] = p[i] * p[i];
        }
        // area = 0.05 (2 x 2.85 + 1) = 0.335 with sum_{i=1..9} (i/10)^2 = 2.85, so G = 0.33 (1/3 for the smooth curve)
        assertEquals(0.33, Lorenz.ofPoints(p, squares).gini(), 1e-12);
    }

    /**
     * Random requests over three replications of a 1000 s run with 23 torrents, binned by the report and counted
     * here directly from the records with a nested loop per cell.
     */
    @Test
    void requestSuccessBinsMatchABruteForceCount() throws IOException {
        int torrents = 23;
        int bins = 7;
        List<WorldReplication> reps = new ArrayList<>();
        List<List<RequestRecord>> requests = new ArrayList<>();
        List<List<TorrentRecord>> catalogues = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            SplittableRandom rng = new SplittableRandom(r);
            WorldResult base = WorldFixtures.result("bins", r, torrents);
            List<TorrentRecord> ts = new ArrayList<>();
            int[] perm = rng.ints(0, 1 << 20).distinct().limit(torrents).toArray();
            List<Integer> ranks = new ArrayList<>();
            for (int k = 0; k < torrents; k++) {
                ranks.add(k + 1);
            }
            java.util.Collections.shuffle(ranks, new java.util.Random(perm[0]));
            for (int k = 0; k < torrents; k++) {
                TorrentRecord t = base.torrents().get(k);
                ts.add(new TorrentRecord(t.id(), t.sizeBytes(), t.pieces(), t.releaseMicros(),
                        t.availableFromMicros(), ranks.get(k), 0, 0, 0, 0, -1, -1, 0, 0));
            }
            List<RequestRecord> qs = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                long at = i == 0 ? WorldFixtures.END_MICROS : rng.nextLong(WorldFixtures.END_MICROS);
                Outcome o = Outcome.values()[rng.nextInt(4)];
                qs.add(new RequestRecord(rng.nextInt(4), rng.nextInt(torrents), at, -1, o, 0));
            }
            Path dir = tmp.resolve("r" + r);
            new WorldOutputWriter().write(dir, withTorrents(base, ts, qs));
            reps.add(WorldReplication.read(dir));
            requests.add(qs);
            catalogues.add(ts);
        }
        List<RequestSuccessRow> rows = RequestSuccessBins.of(reps, bins);
        assertEquals(bins * 10, rows.size());
        long total = 0;
        for (RequestSuccessRow row : rows) {
            long n = 0;
            long c = 0;
            double shareSum = 0;
            int withRequests = 0;
            for (int r = 0; r < 3; r++) {
                long rn = 0;
                long rc = 0;
                for (RequestRecord q : requests.get(r)) {
                    double t = q.requestedMicros() / 1e6;
                    int rank = catalogues.get(r).get(q.torrent()).rank();
                    int decile = (rank - 1) * 10 / torrents + 1;
                    boolean inBin = t >= row.from() && (t < row.to() || (row.to() == 1000 && t == 1000));
                    if (inBin && decile == row.decile()) {
                        rn++;
                        rc += q.outcome() == Outcome.COMPLETED ? 1 : 0;
                    }
                }
                n += rn;
                c += rc;
                if (rn > 0) {
                    withRequests++;
                    shareSum += (double) rc / rn;
                }
            }
            assertEquals(n, row.requests(), row.toString());
            assertEquals(c, row.completed(), row.toString());
            assertEquals(withRequests, row.replications(), row.toString());
            if (withRequests > 0) {
                assertEquals(shareSum / withRequests, row.mean(), 1e-12, row.toString());
            } else {
                assertTrue(Double.isNaN(row.mean()));
            }
            if (withRequests > 1) {
                assertTrue(row.low() <= row.mean() && row.mean() <= row.high() && row.low() >= 0 && row.high() <= 1);
            }
            total += row.requests();
        }
        assertEquals(1200, total, "every request in exactly one cell, the one at the end in the last bin");
        assertFalse(rows.stream().anyMatch(r -> r.to() <= r.from()));
    }
}
