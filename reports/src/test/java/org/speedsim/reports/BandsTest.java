package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
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

    @Test
    void aMissingColumnGivesNoPoints() throws IOException {
        ScenarioResults s = ScenarioResults.load(Fixtures.scenario(tmp, "s", 2));
        Bands b = Bands.of(s.replications(), "no_such_column");
        assertEquals(0, b.size());
        assertTrue(Double.isNaN(b.min()));
    }
}
