package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.ProgressListener;

class ProgressBarTest {

    @Test
    void showsFractionSimulatedTimePeersAndEventRate() {
        AtomicLong clock = new AtomicLong(0);
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 1, clock::get);
        ProgressListener l = bar.listener(0);
        clock.set(1_000_000_000L);
        l.progress(2 * 3_600_000_000L, 8 * 3_600_000_000L, 1234, 2_000_000);
        String shown = text.toString();
        assertTrue(shown.startsWith("\r 25% [######.................."), shown);
        assertTrue(shown.contains("sim 2h00m00s of 8h00m00s"), shown);
        assertTrue(shown.contains("peers 1234"), shown);
        assertTrue(shown.contains("2.00M ev/s"), shown);
    }

    /**
     * Runs on a cluster report only their start and end: the line counts them running, done and left, and estimates
     * the time left from the runs finished since the display started (5 of 10 in 10 s: 10 s for the other 5).
     */
    @Test
    void runsOnAClusterCountAsRunningUntilTheyFinish() {
        AtomicLong clock = new AtomicLong(0);
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 10, "runs", clock::get);
        for (int r = 0; r < 7; r++) {
            bar.started(r);
        }
        for (int r = 0; r < 5; r++) {
            bar.finished(r);
        }
        String line = bar.line(10_000_000_000L);
        assertTrue(line.startsWith(" 50% ["), line);
        assertTrue(line.contains(" 2 running "), line);
        assertTrue(line.contains("runs 5/10 done, 5 left"), line);
        assertTrue(line.contains("ETA 10s"), line);
    }

    @Test
    void redrawsAtMostEveryQuarterSecondAndClearsItsLine() {
        AtomicLong clock = new AtomicLong(0);
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 2, clock::get);
        ProgressListener a = bar.listener(0);
        a.progress(1, 100, 1, 1);
        int draws = count(text.toString());
        for (int i = 0; i < 100; i++) {
            a.progress(i, 100, 1, i);
        }
        assertEquals(draws, count(text.toString()), "no redraw within the same quarter second");
        clock.addAndGet(ProgressBar.REDRAW_NANOS);
        a.progress(50, 100, 1, 100);
        assertEquals(draws + 1, count(text.toString()));
        assertTrue(text.toString().contains("replications 0/2 done"));
        bar.finished(0);
        assertTrue(text.toString().contains("replications 1/2 done"), text.toString());
        bar.clear();
        assertTrue(text.toString().endsWith("\r"), "cleared");
    }

    private static int count(String s) {
        return (int) s.chars().filter(c -> c == '\r').count();
    }

    @Test
    void formatsClockAndRates() {
        assertEquals("12s", ProgressBar.clock(12_000_000L));
        assertEquals("5m07s", ProgressBar.clock(307_000_000L));
        assertEquals("100h00m00s", ProgressBar.clock(360_000_000_000L));
        assertEquals("950", ProgressBar.rate(950));
        assertEquals("12.3k", ProgressBar.rate(12_300));
        assertEquals("4.56M", ProgressBar.rate(4_560_000));
    }
}
