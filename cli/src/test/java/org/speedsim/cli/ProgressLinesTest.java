package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.ProgressListener;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.scenarios.LoadedScenario;

/**
 * Progress without a terminal (plain lines every ten seconds of an injected clock) and the estimate of a run that
 * stops at its last completion (by leechers done, not by the scenario's duration).
 */
class ProgressLinesTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long HOUR = 3_600_000_000L;

    private static List<String> lines(StringWriter text) {
        return text.toString().isEmpty() ? List.of() : List.of(text.toString().split("\n", -1));
    }

    @Test
    void withoutATerminalAPlainLineEveryTenSecondsOfWallTime() {
        AtomicLong clock = new AtomicLong(5 * SECOND);
        StringWriter text = new StringWriter();
        ProgressBar progress = ProgressBar.plainLines(new PrintWriter(text), 2, "runs", clock::get);
        ProgressListener run = progress.listener(0);
        run.progress(HOUR / 60, HOUR, 10, 1000);
        clock.addAndGet(10 * SECOND - 1);
        run.progress(HOUR / 30, HOUR, 12, 2000);
        assertEquals("", text.toString(), "nothing before ten seconds");
        clock.addAndGet(1);
        run.progress(HOUR / 2, HOUR, 12, 3000);
        assertEquals(List.of("speedsim: progress 25% sim 30m00s of 1h00m00s  peers 12  events 3000  300 ev/s  runs 0/2 "
                + "done, 2 left  ETA 30s", ""), lines(text), "one plain line, no carriage return");
        clock.addAndGet(9 * SECOND);
        run.progress(HOUR * 3 / 4, HOUR, 12, 4000);
        progress.finished(0);
        progress.clear();
        assertEquals(2, lines(text).size(), "no line within ten seconds, none at the end, nothing to clear");
        clock.addAndGet(SECOND);
        progress.listener(1).progress(HOUR / 4, HOUR, 3, 500);
        List<String> all = lines(text);
        assertEquals(3, all.size(), all::toString);
        assertTrue(all.get(1).contains("runs 1/2 done, 1 left") && all.get(1).contains("events 4500"), all::toString);
        assertFalse(text.toString().contains("\r"));
    }

    @Test
    void aRunThatStopsAtItsLastCompletionIsEstimatedByLeechersDone() {
        AtomicLong clock = new AtomicLong(0);
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), 1, clock::get);
        ProgressListener run = bar.listener(0);
        clock.set(6 * SECOND);
        run.leechersDone(150, 200);
        run.progress(6_000_000L, 2 * HOUR, 60, 10_000);
        // 150 of 200 leechers done in 6 s of wall time: 75 % done, 2 s left (by the duration: 0.08 %, 2h of wall time)
        String line = bar.line(clock.get());
        assertTrue(line.startsWith(" 75% [##################......]"), line);
        assertTrue(line.contains("sim 6s, leechers 150/200 done"), line);
        assertTrue(line.endsWith("ETA 2s"), line);
    }

    @Test
    void showingProgressNeverChangesARunsFiles() throws Exception {
        Services standard = Services.standard();
        LoadedScenario s = standard.scenarios().load(CompareCommandTest.TINY, List.of());
        SwarmConfig config = s.config().withSeed(s.config().seed(), 0);
        StringWriter lines = new StringWriter();
        ProgressBar progress = ProgressBar.plainLines(new PrintWriter(lines), 1, "replications", () -> 0L);
        RunResult observed = standard.engine().run(config, null, progress.listener(0), 1_000_000L);
        RunResult unobserved = standard.engine().run(config, null, null, 1_000_000L);
        java.util.Map<String, Object> a = new java.util.LinkedHashMap<>(RunOutputWriter.summary(observed));
        java.util.Map<String, Object> b = new java.util.LinkedHashMap<>(RunOutputWriter.summary(unobserved));
        a.remove("wall_s");
        b.remove("wall_s");
        assertEquals(b, a, "the summary, events included, whether progress is shown or not");
        StringWriter ta = new StringWriter();
        StringWriter tb = new StringWriter();
        RunOutputWriter.writeTimeSeries(ta, observed.timeSeries());
        RunOutputWriter.writeTimeSeries(tb, unobserved.timeSeries());
        assertEquals(tb.toString(), ta.toString());
        StringWriter pa = new StringWriter();
        StringWriter pb = new StringWriter();
        RunOutputWriter.writePeers(pa, observed.peers());
        RunOutputWriter.writePeers(pb, unobserved.peers());
        assertEquals(pb.toString(), pa.toString());
    }

    @Test
    void theEngineReportsEveryLeecherDoneWhenItStopsAtTheLastCompletion() throws Exception {
        Services standard = Services.standard();
        LoadedScenario s = standard.scenarios().load(CompareCommandTest.TINY,
                List.of("stopWhenAllComplete=true", "arrivals.end=10min"));
        SwarmConfig config = s.config().withSeed(s.config().seed(), 0);
        AtomicReference<int[]> last = new AtomicReference<>();
        List<long[]> reports = new java.util.ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void progress(long nowMicros, long durationMicros, int peersOnline, long events) {
                reports.add(new long[] {nowMicros, last.get()[0]});
            }

            @Override
            public void leechersDone(int done, int expected) {
                last.set(new int[] {done, expected});
            }
        };
        RunResult result = standard.engine().run(config, null, listener, 1_000_000L);
        assertTrue(result.summary().simulatedMicros() < config.durationMicros(), "stopped at the last completion");
        int arrived = (int) result.peers().stream().filter(p -> !p.initialSeed()).count();
        assertEquals(arrived, last.get()[1], "expected: every scheduled arrival");
        assertEquals(arrived, last.get()[0], "all done at the end");
        int midway = 0;
        for (long[] report : reports) {
            long t = report[0];
            // progress is observed after an event, so events later in the same instant may not have run yet:
            // the count lies between the leechers done before t and those done by t
            long doneBefore = doneBy(result, t - 1);
            long done = doneBy(result, t);
            assertTrue(doneBefore <= report[1] && report[1] <= done, "leechers done at " + t + " us: "
                    + report[1] + ", the peers' records say " + doneBefore + " before and " + done + " by then");
            long arrivedSoFar = result.peers().stream().filter(p -> !p.initialSeed() && p.arrivalMicros() <= t).count();
            midway += done < arrivedSoFar ? 1 : 0;
        }
        assertTrue(midway > 0, "some reports while leechers were still downloading");
    }

    private static long doneBy(RunResult result, long t) {
        return result.peers().stream().filter(p -> !p.initialSeed() && p.arrivalMicros() <= t
                && (p.completionMicros() >= 0 && p.completionMicros() <= t
                    || p.departureMicros() >= 0 && p.departureMicros() <= t)).count();
    }
}
