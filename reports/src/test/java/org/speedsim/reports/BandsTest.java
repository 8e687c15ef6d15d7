package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BandsTest {

    @TempDir
    Path tmp;

    /**
     * Three replications of 10, 11 and 12 samples: up to 9 min all three count (mean of 10+i, 11+i, 12+i is 11+i,
     * sd 1, half width t(0.975, 2) / sqrt(3) = 2.48414); at 10 min two; at 11 min only the longest (interval = mean).
     */
    @Test
    void alignsOnTimeAndALaterPointAveragesOnlyTheRunsStillGoing() throws IOException {
        ScenarioResults s = ScenarioResults.load(Fixtures.scenario(tmp, "s", 3));
        Bands b = Bands.of(s.replications(), "leechers");
        assertEquals(12, b.size());
        for (int i = 0; i < 10; i++) {
            assertEquals(60.0 * i, b.time()[i]);
            assertEquals(3, b.n()[i]);
            assertEquals(11 + i, b.mean()[i], 1e-12);
            assertEquals(11 + i - 2.484138, b.lower()[i], 1e-5);
            assertEquals(11 + i + 2.484138, b.upper()[i], 1e-5);
        }
        assertEquals(2, b.n()[10]);
        assertEquals((21 + 22) / 2.0, b.mean()[10], 1e-12);
        assertEquals(1, b.n()[11]);
        assertEquals(Fixtures.leechers(2, 11), b.mean()[11]);
        assertEquals(b.mean()[11], b.lower()[11]);
        assertEquals(b.mean()[11], b.upper()[11]);
        assertEquals(10, b.min());
        assertTrue(b.hasInterval());
    }

    /**
     * A run that ends between two samples adds its final sample as a point of its own; at that point the other runs
     * contribute their latest samples, so the mean does not jump to the one final value.
     */
    @Test
    void aFinalSampleBetweenTheGridHoldsTheOtherRunsValues() throws IOException {
        Path a = Fixtures.replication(tmp.resolve("s/0"), "s", 0);
        Path b = Fixtures.replication(tmp.resolve("s/1"), "s", 1);
        java.nio.file.Files.writeString(a.resolve("timeseries.csv"), Fixtures.HEADER + "\n"
                + "0,10,1,1,1,1,0,0,0,0,0,0\n60,20,1,1,1,1,0,0,0,0,0,0\n90.5,40,1,1,1,1,0,0,0,0,0,0\n");
        java.nio.file.Files.writeString(b.resolve("timeseries.csv"), Fixtures.HEADER + "\n"
                + "0,30,1,1,1,1,0,0,0,0,0,0\n60,50,1,1,1,1,0,0,0,0,0,0\n120,70,1,1,1,1,0,0,0,0,0,0\n");
        Bands bands = Bands.of(ScenarioResults.load(tmp.resolve("s")).replications(), "leechers");
        assertEquals(List.of(0.0, 60.0, 90.5, 120.0), java.util.Arrays.stream(bands.time()).boxed().toList());
        assertEquals(List.of(20.0, 35.0, 45.0, 70.0), java.util.Arrays.stream(bands.mean()).boxed().toList());
        assertEquals(List.of(2, 2, 2, 1), java.util.Arrays.stream(bands.n()).boxed().toList());
    }

    /**
     * Two replications with 0 and 4 leechers: mean 2, sd 2.828, t(0.975, 1) = 12.706, so the Student-t interval is
     * 2 -+ 25.41, far below 0; utilisation 0.9 and 1: 0.95 -+ 0.635, above 1. The bands stop at 0 and at 1; a column
     * with a negative value keeps its interval.
     */
    @Test
    void bandsStayInsideEachColumnsRange() throws IOException {
        Path a = Fixtures.replication(tmp.resolve("s/0"), "s", 0);
        Path b = Fixtures.replication(tmp.resolve("s/1"), "s", 1);
        java.nio.file.Files.writeString(a.resolve("timeseries.csv"), Fixtures.HEADER + "\n"
                + "0,0,1,1,1,1,0.9,0,0,0,0,-1\n60,0,1,1,1,1,0.9,0,0,0,0,-1\n");
        java.nio.file.Files.writeString(b.resolve("timeseries.csv"), Fixtures.HEADER + "\n"
                + "0,4,1,1,1,1,1,0,0,0,0,1\n60,4,1,1,1,1,1,0,0,0,0,1\n");
        List<Replication> reps = ScenarioResults.load(tmp.resolve("s")).replications();
        Bands leechers = Bands.of(reps, "leechers");
        assertEquals(2, leechers.mean()[0], 1e-12);
        assertEquals(0, leechers.lower()[0], "a count is never negative");
        assertEquals(2 + 25.4124, leechers.upper()[0], 1e-3);
        Bands utilisation = Bands.of(reps, Bands.UTILISATION);
        assertEquals(1, utilisation.upper()[0], "a fraction of capacity is at most 1");
        assertEquals(0.95 - 0.635310, utilisation.lower()[0], 1e-5);
        Bands signed = Bands.of(reps, "balance_gini");
        assertEquals(-12.7062, signed.lower()[0], 1e-3);
    }

    @Test
    void aMissingColumnGivesNoPoints() throws IOException {
        ScenarioResults s = ScenarioResults.load(Fixtures.scenario(tmp, "s", 2));
        Bands b = Bands.of(s.replications(), "no_such_column");
        assertEquals(0, b.size());
        assertTrue(Double.isNaN(b.min()));
    }
}
