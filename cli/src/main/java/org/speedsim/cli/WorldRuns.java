package org.speedsim.cli;

import java.nio.file.Path;
import java.util.List;
import org.speedsim.engine.swarm.ProgressListener;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.engine.world.WorldRunConfig;
import org.speedsim.engine.world.WorldSummary;
import org.speedsim.engine.world.runtime.WorldRun;
import org.speedsim.reports.Numbers;
import org.speedsim.reports.WorldOutputWriter;
import org.speedsim.reports.format.WorldFiles;
import org.speedsim.scenarios.Loaded;
import org.speedsim.scenarios.LoadedScenario;
import org.speedsim.scenarios.LoadedWorld;

/**
 * What the commands do differently for a world scenario ({@code kind: world}): run one replication of it and write
 * its directory ({@link WorldOutputWriter}), the files a replication of either kind holds, its simulated length, and
 * the line {@code run} prints for it.
 */
final class WorldRuns {

    private WorldRuns() {
    }

    /** Runs replication {@code replication} of a world with root seed {@code seed}. */
    static WorldResult run(LoadedWorld world, long seed, int replication, ProgressListener progress) {
        WorldRunConfig config = world.config().withReplication(seed, replication);
        WorldRun run = new WorldRun(config);
        if (progress != null) {
            run.progress(progress, Math.max(1_000_000L, config.world().horizonMicros() / 1000));
        }
        return run.run();
    }

    /** Runs a replication and writes its directory; returns its summary. */
    static WorldSummary runAndWrite(LoadedWorld world, long seed, int replication, ProgressListener progress,
                                    Path dir) throws java.io.IOException {
        WorldResult result = run(world, seed, replication, progress);
        new WorldOutputWriter().write(dir, world.resolvedYaml(), result);
        return result.summary();
    }

    /** The files of one replication directory of {@code scenario}, in the order they are written. */
    static List<String> files(Loaded scenario) {
        return scenario instanceof LoadedWorld ? WorldFiles.FILES : RunOutputWriter.FILES;
    }

    /** How long a run of {@code scenario} simulates, in microseconds. */
    static long horizonMicros(Loaded scenario) {
        return scenario instanceof LoadedWorld w ? w.config().world().horizonMicros()
                : ((LoadedScenario) scenario).config().durationMicros();
    }

    /** The line {@code run} prints for a completed world replication. */
    static String describe(int replication, WorldSummary s) {
        StringBuilder b = new StringBuilder();
        b.append("replication ").append(replication).append(": ").append(s.completed()).append(" of ")
                .append(s.requests()).append(" requests completed");
        if (s.requests() > 0) {
            b.append(" (").append(Numbers.format(Math.round(1000 * s.requestSuccess()) / 10.0)).append(" %)");
        }
        b.append(", ").append(s.torrentsReleased() - s.torrentsUnavailable()).append(" of ")
                .append(s.torrentsReleased()).append(" torrents available at the end");
        if (s.airdroppedUbtt() > 0) {
            b.append(", ").append(s.spentUbtt()).append(" of ").append(s.airdroppedUbtt()).append(" uBTT spent");
        }
        b.append(", ").append(s.events()).append(" events");
        return b.toString();
    }
}
