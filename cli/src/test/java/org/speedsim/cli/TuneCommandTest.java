package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.reports.Csv;

/** {@code speedsim tune}: known optima, the budget, the interval, reruns and bad input. */
class TuneCommandTest {

    @TempDir
    Path tmp;

    /**
     * A synthetic scenario whose best spending rate is known by construction: the lifetime of replication r at rate
     * x is {@code 5000 - 4000 (x - best)^2 + 300 z_r + 20 e_{x,r}} seconds (always between 0 and the run's 7200 s): a parabola with its top at
     * {@code best}, a replication effect {@code z_r} shared by every rate (common random numbers) and a small noise
     * {@code e_{x,r}} of each rate's own.
     */
    private static Synthetic parabola(double best) {
        return new Synthetic((x, seed, r) -> 5000 - 4000 * (x - best) * (x - best)
                + 300 * Synthetic.normal(seed, r, "shared") + 20 * Synthetic.normal(seed, r, "own-" + x));
    }

    private Path file() throws IOException {
        return Files.writeString(tmp.resolve("synthetic.yaml"), "x: 0\n");
    }

    @Test
    void findsAKnownOptimumInsideItsInterval() throws IOException {
        for (double best : new double[] {0.3, 0.05, 0.77}) {
            Synthetic s = parabola(best);
            Path out = tmp.resolve("out" + best);
            Cli c = Cli.execute(s.services(), "tune", file().toString(), "--param", "x=0:1", "--objective",
                    "swarm_lifetime_s", "--budget", "12", "--replications", "6", "--out", out.toString(), "--no-charts");
            assertEquals(0, c.exit(), c::toString);
            JsonNode result = new ObjectMapper().readTree(out.resolve("synthetic-tune/tune-result.json").toFile());
            double found = result.get("best").get("x").asDouble();
            double lo = result.get("interval").get("x").get(0).asDouble();
            double hi = result.get("interval").get("x").get(1).asDouble();
            assertTrue(lo <= best && best <= hi, best + " in [" + lo + ", " + hi + "]: " + c.out());
            assertTrue(lo <= found && found <= hi, c::toString);
            assertTrue(Math.abs(found - best) < 0.1, found + " near " + best + ": " + c.out());
            assertTrue(hi - lo <= 0.4, "the interval says something: [" + lo + ", " + hi + "]");
            List<List<String>> evaluations = Csv.read(out.resolve("synthetic-tune").resolve(TuneCommand.EVALUATIONS));
            assertTrue(evaluations.size() - 1 <= 12, "within the budget: " + (evaluations.size() - 1));
            assertEquals((evaluations.size() - 1) * 6, s.runs.get(), "every evaluation runs every replication once");
            int bestColumn = evaluations.get(0).indexOf("best");
            long bestRows = evaluations.stream().filter(r -> r.get(bestColumn).equals("true")).count();
            assertEquals(1, bestRows);
            assertTrue(c.out().contains("best x = "), c::toString);
        }
    }

    @Test
    void keepsToTheBudgetAndResumesWithoutRunningAgain() throws IOException {
        Synthetic s = parabola(0.4);
        String[] args = {"tune", file().toString(), "--param", "x=0:2", "--objective", "swarm_lifetime_s", "--budget",
            "5", "--replications", "4", "--out", tmp.toString()};
        Cli c = Cli.execute(s.services(), args);
        assertEquals(0, c.exit(), c::toString);
        assertEquals(5 * 4, s.runs.get());
        String table = Files.readString(tmp.resolve("synthetic-tune").resolve(TuneCommand.EVALUATIONS));
        Cli again = Cli.execute(s.services(), args);
        assertEquals(0, again.exit(), again::toString);
        assertEquals(5 * 4, s.runs.get(), "the same search reuses its complete runs");
        assertEquals(table, Files.readString(tmp.resolve("synthetic-tune").resolve(TuneCommand.EVALUATIONS)));
        assertTrue(Files.size(tmp.resolve("synthetic-tune/charts/evaluations.png")) > 0);
        String svg = Files.readString(tmp.resolve("synthetic-tune/charts/evaluations.svg"));
        assertTrue(svg.contains(">best<") && svg.contains(">interval of the best<"),
                "the chart marks the best value and its interval");
    }

    @Test
    void twoParametersStayInTheBoxAndTheBudget() throws IOException {
        Synthetic s = new Synthetic((x, seed, r) -> 1000 + 100 * x + 10 * Synthetic.normal(seed, r, "shared"));
        Cli c = Cli.execute(s.services(), "tune", file().toString(), "--param", "x=0:1", "--param", "y=0:1",
                "--objective", "swarm_lifetime_s", "--budget", "14", "--replications", "3", "--out", tmp.toString());
        assertEquals(0, c.exit(), c::toString);
        List<List<String>> evaluations = Csv.read(tmp.resolve("synthetic-tune").resolve(TuneCommand.EVALUATIONS));
        assertTrue(evaluations.size() - 1 <= 14);
        for (List<String> row : evaluations.subList(1, evaluations.size())) {
            for (int col : new int[] {1, 2}) {
                double v = Double.parseDouble(row.get(col));
                assertTrue(v >= 0 && v <= 1, row::toString);
            }
        }
        JsonNode result = new ObjectMapper().readTree(tmp.resolve("synthetic-tune/tune-result.json").toFile());
        assertEquals(1.0, result.get("best").get("x").asDouble(), "lifetime grows with x: the top end");
    }

    /**
     * The real engine, with an answer known by construction: at spending rate 0 a Speed client never bids, so no
     * slot is sold and no token is paid; any positive rate pays for some uploads. Minimising the tokens paid must
     * find 0.
     */
    @Test
    void withTheRealEngineAZeroSpendingRatePaysNothing() throws IOException {
        Services standard = Services.standard();
        Cli c = Cli.execute(new Services(standard.scenarios(), standard.engine(), () -> null), "tune",
                CompareCommandTest.TINY_SPEED.toString(), "--param", "clients[1].bidding.spendingRate=0:1",
                "--objective", "tokens_paid", "--goal", "min", "--budget", "3", "--out", tmp.toString());
        assertEquals(0, c.exit(), c::toString);
        JsonNode result = new ObjectMapper().readTree(tmp.resolve("tiny-speed-tune/tune-result.json").toFile());
        assertEquals("0", result.get("best").get("clients[1].bidding.spendingRate").asText(), c::toString);
        assertEquals(0.0, result.get("best").get("mean").asDouble());
        assertTrue(Files.readString(tmp.resolve("tiny-speed-tune/evaluations/0/0/scenario.yaml"))
                .contains("spendingRate: 0"));
    }

    @Test
    void badRequestsExitWithTwo() throws IOException {
        String f = file().toString();
        Synthetic s = parabola(0.5);
        for (String[] args : List.of(
                new String[] {"tune", f, "--param", "x=0:1"},
                new String[] {"tune", f, "--param", "x=0:1", "--objective", "tokens_paid"},
                new String[] {"tune", f, "--param", "x=0:1", "--objective", "swarm_lifetime_s", "--goal", "up"},
                new String[] {"tune", f, "--param", "x=0:1", "--objective", "swarm_lifetime_s", "--budget", "2"},
                new String[] {"tune", f, "--param", "x=1:0", "--objective", "swarm_lifetime_s"},
                new String[] {"tune", f, "--param", "x=0:1:0.5", "--objective", "swarm_lifetime_s"},
                new String[] {"tune", f, "--param", "x=0:1", "--param", "y=0:1", "--param", "z=0:1",
                    "--objective", "swarm_lifetime_s"})) {
            Cli c = Cli.execute(s.services(), CompareCommandTest.concat(args, "--out", tmp.resolve("o").toString()));
            assertEquals(2, c.exit(), c::toString);
            assertFalse(c.leaksStackTrace(), c::toString);
        }
        assertEquals(0, s.runs.get());
    }
}
