package org.speedsim.engine.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The piece-copy histogram: hand values, and in whole runs agreement with the time series' min and mean piece
 * copies at every sample, with every piece counted once per sample.
 */
class PieceCopyDistributionTest {

    @Test
    void histogramOfHandValues() {
        PieceCopyDistribution d = new PieceCopyDistribution();
        d.record(0, new int[] {1, 1, 1});
        d.record(5, new int[] {0, 3, 3, 1, 3});
        assertEquals(4, d.size());
        assertRow(d, 0, 0, 1, 3);
        assertRow(d, 1, 5, 0, 1);
        assertRow(d, 2, 5, 1, 1);
        assertRow(d, 3, 5, 3, 3);
        assertThrows(IllegalArgumentException.class, () -> d.record(4, new int[] {1}));
        assertThrows(IndexOutOfBoundsException.class, () -> d.copies(4));
    }

    private static void assertRow(PieceCopyDistribution d, int row, long time, int copies, int pieces) {
        assertEquals(time, d.timeMicros(row));
        assertEquals(copies, d.copies(row));
        assertEquals(pieces, d.pieces(row));
    }

    @Test
    void agreesWithTheTimeSeriesAtEverySample() {
        for (long seed = 1; seed <= 3; seed++) {
            SwarmConfig c = Configs.flashCrowd(60, 8L << 20, seed);
            int pieces = c.file().pieces();
            RunResult r = new Swarm(c).run();
            TimeSeries ts = r.timeSeries();
            PieceCopyDistribution d = r.pieceCopies();
            int row = 0;
            for (int s = 0; s < ts.size(); s++) {
                long t = Math.round(ts.get(s, "time_s") * 1e6);
                int counted = 0;
                long copiesSum = 0;
                int min = Integer.MAX_VALUE;
                for (; row < d.size() && d.timeMicros(row) == t; row++) {
                    counted += d.pieces(row);
                    copiesSum += (long) d.copies(row) * d.pieces(row);
                    min = Math.min(min, d.copies(row));
                }
                assertEquals(pieces, counted, "every piece once at t=" + t);
                assertEquals(ts.get(s, "min_piece_copies"), min, 0.0);
                assertEquals(ts.get(s, "mean_piece_copies"), (double) copiesSum / pieces, 1e-9);
            }
            assertEquals(d.size(), row, "no rows at other times");
            assertTrue(ts.size() > 2);
        }
    }
}
