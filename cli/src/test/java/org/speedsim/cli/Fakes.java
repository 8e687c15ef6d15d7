package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.RunSummary;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.TimeSeries;
import org.speedsim.scenarios.LoadedScenario;
import org.speedsim.scenarios.Problem;
import org.speedsim.scenarios.ScenarioException;

/**
 * Test stand-ins for the scenario loader and the engine, so the command can be tested before those exist. The fake
 * loader accepts any file whose text has no line starting with {@code bad:}; each such line becomes a problem at
 * its line number. The fake engine makes a deterministic result from (seed, replication) alone.
 */
final class Fakes {

    static final List<String> SERIES_COLUMNS = List.of("time_s", "leechers", "seeds", "distributed_copies",
            "min_piece_copies", "mean_piece_copies", "upload_utilisation", "clearing_price");

    private Fakes() {
    }

    static SwarmConfig config(String name, long seed) {
        return SwarmConfig.builder(name).seed(seed).file(new FileSpec(10L << 20, FileSpec.DEFAULT_PIECE_BYTES))
                .peerClasses(List.of(
                        new PeerClass("dsl, slow", 1.0, new Distribution.Fixed(125_000), new Distribution.Fixed(1e6))))
                .clients(List.of(new ClientSpec("legacy", 1.0, false, peer -> view -> { }, peer -> view -> -1,
                        (peer, rng) -> context -> SeedingBehaviour.Decision.leaveAfter(0))))
                .arrivals(new ArrivalProcess.Poisson(0.1, 0, 3_600_000_000L))
                .durationMicros(7_200_000_000L).sampleIntervalMicros(60_000_000L).build();
    }

    static Services.ScenarioSource loader() {
        return (file, overrides) -> {
            List<String> lines;
            try {
                lines = Files.readAllLines(file);
            } catch (IOException e) {
                throw new ScenarioException(List.of(new Problem(file.toString(), 0, 0, "", "cannot read: " + e)));
            }
            List<Problem> problems = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("bad:")) {
                    problems.add(new Problem(file.toString(), i + 1, 6, "bad", lines.get(i).substring(4).trim()));
                }
            }
            if (!problems.isEmpty()) {
                throw new ScenarioException(problems);
            }
            String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            String yaml = "name: " + name + "\nseed: 42\noverrides: " + overrides + "\n";
            return new LoadedScenario(name, file, config(name, 42), 3, yaml);
        };
    }

    /** A deterministic run: arrivals, times and counts drawn from the replication's streams; emits trace events. */
    static RunResult run(SwarmConfig c, org.speedsim.engine.swarm.ProtocolTrace trace,
                         org.speedsim.engine.swarm.ProgressListener progress) {
        RandomStreams streams = new RandomStreams(c.seed(), c.replication());
        RandomGenerator rng = streams.stream("fake");
        int peers = 5 + rng.nextInt(20);
        List<PeerRecord> records = new ArrayList<>();
        long events = 0;
        for (int p = 0; p < peers; p++) {
            long arrival = rng.nextLong(3_600_000_000L);
            boolean completed = rng.nextDouble() < 0.7;
            long completion = completed ? arrival + rng.nextLong(1, 1_000_000_000L) : -1;
            long departure = completed && rng.nextBoolean() ? completion + rng.nextLong(1_000_000) : -1;
            records.add(new PeerRecord(p, p % 2 == 0 ? "dsl, slow" : "fibre \"fast\"", "legacy", p == 0, arrival,
                    completion, departure, 125_000 * rng.nextDouble(), 1e6 / 3, rng.nextLong(1L << 30),
                    rng.nextLong(1L << 30), rng.nextLong(1000), rng.nextLong(5_000_000), rng.nextLong(5_000_000),
                    1000L * p, rng.nextLong(100_000)));
            if (trace != null) {
                for (String kind : new String[] {"connect", "unchoke", "piece"}) {
                    if (trace.wants(kind)) {
                        trace.emit(arrival, kind, p, (p + 1) % peers, rng.nextLong(100));
                    }
                }
            }
            events += 100;
            if (progress != null) {
                progress.progress(arrival, c.durationMicros(), p + 1, events);
            }
        }
        TimeSeries series = new TimeSeries(SERIES_COLUMNS);
        for (int t = 0; t <= 10; t++) {
            series.add(new double[] {t * 60.0, rng.nextInt(30), rng.nextInt(5), rng.nextDouble() * 3,
                rng.nextInt(3), 1 + rng.nextDouble(), rng.nextDouble(), t % 3 == 0 ? Double.NaN : rng.nextDouble()});
        }
        long death = c.replication() % 2 == 0 ? -1 : 1_234_567_890L;
        RunSummary summary = RunSummary.builder(c.name(), c.seed(), c.replication())
                .simulatedMicros(c.durationMicros()).events(events)
                .peers(peers, (int) records.stream().filter(r -> r.completionMicros() >= 0).count())
                .downloadSeconds(400.5, 812.25, Double.NaN).swarmDeathMicros(death)
                .bytes(1_000_000_007L, 999_999_937L, 12).pieceTransfers(400).overheadBytes(1234)
                .extra(Map.of("tokensPaid", 123_456_789L, "clearingPriceMean", 0.1 + c.replication(), "events",
                        "clash"))
                .build();
        org.speedsim.engine.swarm.PieceCopyDistribution copies = new org.speedsim.engine.swarm.PieceCopyDistribution();
        for (int t = 0; t <= 10; t++) {
            copies.record(t * 60_000_000L, new int[] {rng.nextInt(4), rng.nextInt(4), 2, 3});
        }
        return new RunResult(c, summary, records, series, copies, 0.125);
    }

    static Services services(java.util.function.Supplier<java.io.PrintWriter> terminal) {
        return new Services(loader(), (c, t, p, every) -> run(c, t, p), terminal);
    }

    static Services services() {
        return services(() -> null);
    }
}
