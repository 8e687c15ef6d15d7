package org.speedsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.scenarios.Loaded;
import org.speedsim.scenarios.LoadedScenario;
import org.speedsim.scenarios.LoadedWorld;
import org.speedsim.scenarios.ScenarioLoader;

/**
 * One replication of an experiment to run on another machine: task {@code task} of the experiment, the variant's
 * resolved scenario (which loads to the same configuration), the root seed and the replication, so the run is exactly
 * the one {@link ExperimentRunner} would run locally ({@code withSeed(seed, replication)}).
 */
public record RemoteRun(int task, String resolvedYaml, long seed, int replication) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * What a run gave: its files' bytes in the order of {@link RunOutputWriter#FILES} (of
     * {@code WorldFiles.FILES} for a world), or the error that stopped it
     * (serializable: the original when it can be sent, else a copy with its class name, message and stack trace).
     */
    public record Result(int task, List<byte[]> files, Throwable error) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Runs the replication with the standard engine, writes its files with {@link RunOutputWriter} into a temporary
     * directory (deleted afterwards) and returns their bytes. Never throws: a failure is returned.
     */
    public Result execute() {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("speedsim-run-");
            Path file = scratch.resolve(RunOutputWriter.SCENARIO);
            Files.writeString(file, resolvedYaml);
            Loaded loaded = ScenarioLoader.loadAny(file, List.of());
            Path dir = scratch.resolve("run");
            if (loaded instanceof LoadedWorld world) {
                WorldRuns.runAndWrite(world, seed, replication, null, dir);
            } else {
                SwarmConfig config = ((LoadedScenario) loaded).config().withSeed(seed, replication);
                RunResult result = Services.standard().engine().run(config, null, null, 0);
                new RunOutputWriter().write(dir, resolvedYaml, result);
            }
            List<byte[]> files = new ArrayList<>();
            for (String name : WorldRuns.files(loaded)) {
                files.add(Files.readAllBytes(dir.resolve(name)));
            }
            return new Result(task, files, null);
        } catch (Throwable e) {
            return new Result(task, null, sendable(e));
        } finally {
            delete(scratch);
        }
    }

    /** {@code e} itself when it serializes, else a RuntimeException naming it, with its stack trace. */
    static Throwable sendable(Throwable e) {
        try (ObjectOutputStream out = new ObjectOutputStream(new ByteArrayOutputStream())) {
            out.writeObject(e);
            return e;
        } catch (IOException | RuntimeException notSerializable) {
            RuntimeException copy = new RuntimeException(e.toString());
            copy.setStackTrace(e.getStackTrace());
            return copy;
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a scratch directory left in the temporary folder is harmless
        }
    }
}
