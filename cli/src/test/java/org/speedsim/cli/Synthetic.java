package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.RunSummary;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.scenarios.LoadedScenario;

/**
 * A synthetic scenario whose answer is known by construction: the loader reads one number {@code x} from the
 * overrides ({@code --set x=0.3}, default 0), and the engine gives replication r at x a swarm that dies at
 * {@code lifetime(x, r)} seconds, a function the test chooses; a lifetime at or beyond the run's length (7200 s)
 * means the swarm outlived the run (alive at the end: censored). Everything else of the run comes from
 * {@link Fakes}.
 * The configuration carries x in its name ({@code synthetic@0.3}), where the engine reads it.
 */
final class Synthetic {

    /** The lifetime in seconds of replication r (with the run's seed) at parameter x. */
    @FunctionalInterface
    interface Lifetime {
        double seconds(double x, long seed, int replication);
    }

    private final Lifetime lifetime;
    final AtomicInteger runs = new AtomicInteger();

    Synthetic(Lifetime lifetime) {
        this.lifetime = lifetime;
    }

    /** {@code dir/synthetic.yaml}, written once: a scenario file these fakes run under any name. */
    static Path scenarioIn(Path dir) throws IOException {
        Path file = dir.resolve("synthetic.yaml");
        if (!Files.exists(file)) {
            Files.writeString(file, "name: synthetic\n");
        }
        return file;
    }

    /** Two complete replications of {@link #scenarioIn} under {@code dir/runs}, run once: their scenario directory. */
    Path completeRunsIn(Path dir) throws IOException {
        Path runs = dir.resolve("runs");
        if (!Files.exists(runs)) {
            Cli c = Cli.execute(services(), "run", scenarioIn(dir).toString(), "--replications", "2", "--out",
                    runs.toString(), "--quiet");
            if (c.exit() != 0) {
                throw new AssertionError("the synthetic runs failed: " + c);
            }
        }
        return runs.resolve("synthetic");
    }

    Services services() {
        return new Services(this::load, (c, trace, progress, every) -> run(c), () -> null);
    }

    private LoadedScenario load(Path file, List<String> overrides) {
        double x = 0;
        for (String o : overrides) {
            o = o.startsWith("--") ? o.substring(o.indexOf(' ') + 1) : o;
            if (o.startsWith("x=")) {
                x = Double.parseDouble(o.substring(2));
            }
        }
        SwarmConfig config = Fakes.config("synthetic@" + x, 42);
        return new LoadedScenario("synthetic", file, config, 10, "name: synthetic\nx: " + x + "\n");
    }

    private RunResult run(SwarmConfig c) {
        if (c.durationMicros() > 1) {
            runs.incrementAndGet(); // a 1-microsecond run is tune's probe of the summary fields, not an evaluation
        }
        double x = Double.parseDouble(c.name().substring(c.name().indexOf('@') + 1));
        RunResult fake = Fakes.run(c, null, null);
        RunSummary s = fake.summary();
        long death = Math.round(lifetime.seconds(x, c.seed(), c.replication()) * 1e6);
        if (death >= s.simulatedMicros()) {
            death = -1;
        }
        RunSummary summary = s.toBuilder().swarmDeathMicros(death).invariantsOk(true).extra(Map.of()).build();
        return new RunResult(c, summary, fake.peers(), fake.timeSeries(), fake.pieceCopies(), 0.125);
    }

    /** A standard normal draw for (seed, replication, purpose): the noise of a replication, shared across x. */
    static double normal(long seed, int replication, String purpose) {
        return new RandomStreams(seed, replication).stream(purpose).nextGaussian();
    }
}
