package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.reports.Csv;

/**
 * {@code compare} on a synthetic scenario whose answer is known by construction: the lifetime of replication r at x
 * is {@code 2000 + 300 z_r + 100 x + 20 e_{x,r}}, with {@code z_r} a noise shared by every variant (the common random
 * numbers) and {@code e_{x,r}} one of the variant's own. So x = 1 is better than x = 0 by 100 s on average, far less
 * than the spread between replications (300 s) but much more than the noise of a paired difference (about 28 s).
 */
class CompareSyntheticTest {

    @TempDir
    Path tmp;

    private static double lifetime(double x, long seed, int r) {
        return 2000 + 300 * Synthetic.normal(seed, r, "shared") + 100 * x
                + 20 * Synthetic.normal(seed, r, "own-" + x);
    }

    private Path file() throws IOException {
        return Files.writeString(tmp.resolve("synthetic.yaml"), "x: 0\n");
    }

    private List<String> lifetimeRow(Path dir, String variant) throws IOException {
        for (List<String> row : Csv.read(dir.resolve("compare.csv"))) {
            if (row.get(0).equals(RunMetrics.LIFETIME) && row.get(1).equals(variant)) {
                return row;
            }
        }
        throw new AssertionError(variant);
    }

    @Test
    void theBetterVariantRanksFirstWithASignificantPairedDifference() throws IOException {
        Synthetic s = new Synthetic(CompareSyntheticTest::lifetime);
        Path out = tmp.resolve("out");
        Cli c = Cli.execute(s.services(), "compare", file().toString(), "--vary", "x=0,1", "--out", out.toString());
        assertEquals(0, c.exit(), c::toString);
        List<String> better = lifetimeRow(out.resolve("synthetic"), "1");
        // columns: metric variant n mean ci_low ci_high diff diff_low diff_high p censored
        double diff = Double.parseDouble(better.get(6));
        assertTrue(diff > 50 && diff < 150, better::toString);
        assertTrue(Double.parseDouble(better.get(7)) > 0, "interval above zero: " + better);
        assertTrue(Double.parseDouble(better.get(9)) < 0.01, better::toString);
        // the unpaired intervals overlap: only pairing separates the variants
        List<String> base = lifetimeRow(out.resolve("synthetic"), "0");
        assertTrue(Double.parseDouble(base.get(5)) > Double.parseDouble(better.get(4)), base + " " + better);
        assertTrue(c.out().contains("best: 1 (highest RMST; significantly different from 0, log-rank by replication, "
                + "exact p 0.001953)"), c::toString);
        assertEquals(20, s.runs.get());
    }

    @Test
    void identicalVariantsShowNoSignificantDifference() throws IOException {
        // property over seeds: two variants with the same x differ only in their own noise
        int significant = 0;
        for (long seed = 1; seed <= 10; seed++) {
            Synthetic s = new Synthetic(CompareSyntheticTest::lifetime);
            Path out = tmp.resolve("out" + seed);
            Cli c = Cli.execute(s.services(), "compare", file().toString(), "--vary", "x=0.5,0.50", "--replications", "6", "--seed",
                    Long.toString(seed), "--out", out.toString(), "--quiet", "--no-charts");
            assertEquals(0, c.exit(), c::toString);
            List<String> row = lifetimeRow(out.resolve("synthetic"), "0.50");
            double p = Double.parseDouble(row.get(9));
            assertTrue(p >= 0 && p <= 1, row::toString);
            significant += p < 0.05 ? 1 : 0;
        }
        assertTrue(significant <= 2, significant + " of 10 seeds significant with no true difference");
    }
}
