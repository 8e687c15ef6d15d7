package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.speedsim.engine.swarm.RunResult;

/**
 * What speedsim will and will not touch, tried as a careless or hostile user would on every command: {@code --force}
 * on a folder holding the user's files, traces aimed at the user's files and at special files, a replication folder
 * replaced by a symbolic link before a resume, leftovers of a killed process, a failed run in a folder the user made.
 * Every check compares content hashes taken before and after.
 */
class UserFilesSafetyTest {

    @TempDir
    Path tmp;

    private final Synthetic synthetic = new Synthetic((x, seed, r) -> 600 + 100 * x + r);

    /** Each command, its arguments writing under {@code out}, and the directory it writes. */
    enum Command {
        RUN("synthetic"), SWEEP("thesis"), COMPARE("notes"), TUNE("tuned"), REPORT("paper");

        final String directory;

        Command(String directory) {
            this.directory = directory;
        }

        String[] args(Path scenario, Path runs, Path out, String... more) {
            List<String> a = new ArrayList<>(switch (this) {
                case RUN -> List.of("run", scenario.toString(), "--replications", "2");
                case SWEEP -> List.of("sweep", scenario.toString(), "--param", "x=0,1", "--replications", "2",
                        "--name", directory, "--no-charts");
                case COMPARE -> List.of("compare", scenario.toString(), "--vary", "x=0,1", "--replications", "2",
                        "--name", directory, "--no-charts");
                case TUNE -> List.of("tune", scenario.toString(), "--param", "x=0:1", "--objective",
                        "swarm_lifetime_s", "--budget", "3", "--replications", "2", "--name", directory, "--no-charts");
                case REPORT -> List.of("report", runs.toString());
            });
            a.addAll(List.of("--out", this == REPORT ? out.resolve(directory).toString() : out.toString()));
            if (this != REPORT) {
                a.add("--quiet");
            }
            a.addAll(List.of(more));
            return a.toArray(String[]::new);
        }
    }

    private Path scenario() throws IOException {
        return Synthetic.scenarioIn(tmp);
    }

    /** Complete runs for {@code report} to read. */
    private Path runs() throws IOException {
        return synthetic.completeRunsIn(tmp);
    }

    private Cli execute(Command command, Path out, String... more) throws IOException {
        return Cli.execute(synthetic.services(), command.args(scenario(), runs(), out, more));
    }

    /**
     * A folder holding only the user's files, named as the command's output: {@code --force} refuses, naming one of
     * them, and changes nothing (each file's hash before and after); so does a folder of speedsim's earlier output
     * into which the user put their files. Once they are gone, {@code --force} replaces speedsim's output.
     */
    @ParameterizedTest
    @EnumSource(Command.class)
    void forceNeverDeletesOrChangesTheUsersFiles(Command command) throws IOException {
        Path out = tmp.resolve("out");
        Path dir = out.resolve(command.directory);
        UserFiles.seed(dir);
        Map<String, String> before = UserFiles.hashes(dir);

        Cli forced = execute(command, out, "--force");
        assertEquals(2, forced.exit(), forced::toString);
        assertFalse(forced.leaksStackTrace(), forced::toString);
        assertTrue(UserFiles.NAMES.stream().anyMatch(n -> forced.err().contains(n)), forced::toString);
        assertEquals(before, UserFiles.hashes(dir), "the user's folder is as it was");

        Path mixed = tmp.resolve("mixed");
        Cli first = execute(command, mixed);
        assertEquals(0, first.exit(), first::toString);
        Path written = mixed.resolve(command.directory);
        UserFiles.seed(written);
        Map<String, String> all = UserFiles.hashes(written);
        Cli again = execute(command, mixed, "--force");
        assertEquals(2, again.exit(), again::toString);
        assertTrue(again.err().contains("--force refused"), again::toString);
        assertEquals(all, UserFiles.hashes(written), "neither the user's files nor speedsim's were touched");

        for (String name : UserFiles.NAMES) {
            Files.delete(written.resolve(name));
        }
        Files.delete(written.resolve("data"));
        Files.delete(written.resolve("figures"));
        Cli replaced = execute(command, mixed, "--force");
        assertEquals(0, replaced.exit(), replaced::toString);
    }

    /**
     * An output folder written before manifests existed (same file names as speedsim's) is not speedsim's:
     * {@code --force} refuses with a message naming the missing manifest.
     */
    @ParameterizedTest
    @EnumSource(value = Command.class, names = {"RUN", "SWEEP", "REPORT"})
    void aFolderWithoutManifestIsRefusedEvenWhenItsNamesLookLikeSpeedsims(Command command) throws IOException {
        Path out = tmp.resolve("old");
        assertEquals(0, execute(command, out).exit());
        Path dir = out.resolve(command.directory);
        Files.delete(dir.resolve(OutputManifest.FILE));
        Map<String, String> before = UserFiles.hashes(dir);
        Cli c = execute(command, out, "--force");
        assertEquals(2, c.exit(), c::toString);
        assertTrue(c.err().contains(OutputManifest.FILE) && c.err().contains("changes nothing"), c::toString);
        assertEquals(before, UserFiles.hashes(dir));
    }

    /** {@code --trace} never replaces a file speedsim did not write, with {@code --force} or not. */
    @Test
    void aTraceNeverReplacesTheUsersFilesOrSpecialFiles() throws Exception {
        Path scenario = scenario();
        String text = Files.readString(scenario);
        Path out = tmp.resolve("out");
        for (String force : List.of("--quiet", "--force")) {
            Cli c = Cli.execute(synthetic.services(), "run", scenario.toString(), "--replications", "1", "--out",
                    out.toString(), "--trace", scenario.toString(), force);
            assertEquals(2, c.exit(), c::toString);
            assertTrue(c.err().contains("speedsim did not write it"), c::toString);
            assertEquals(text, Files.readString(scenario), "the scenario is intact");
        }

        Path mine = Files.writeString(tmp.resolve("mine.jsonl"), "{\"mine\": true}\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.jsonl"), mine);
        Path fifo = tmp.resolve("fifo.jsonl");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        Path directory = Files.createDirectories(tmp.resolve("dir.jsonl"));
        for (Path special : List.of(link, fifo, directory)) {
            Cli c = Cli.execute(synthetic.services(), "run", scenario.toString(), "--replications", "1", "--out",
                    out.toString(), "--trace", special.toString(), "--force");
            assertEquals(2, c.exit(), c::toString);
            assertTrue(c.err().contains("not a regular file"), c::toString);
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("{\"mine\": true}\n", Files.readString(mine));
        assertTrue(Files.isDirectory(directory));
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "still a fifo");
        assertFalse(Files.exists(out.resolve("synthetic")), "refused before anything was written");

        Path trace = tmp.resolve("t.jsonl");
        Cli first = Cli.execute(synthetic.services(), "run", scenario.toString(), "--replications", "1", "--out",
                out.toString(), "--trace", trace.toString(), "--quiet");
        assertEquals(0, first.exit(), first::toString);
        Cli again = Cli.execute(synthetic.services(), "run", scenario.toString(), "--replications", "1", "--out",
                out.toString(), "--trace", trace.toString(), "--quiet");
        assertEquals(2, again.exit(), again::toString);
        assertTrue(again.err().contains("already exists"), again::toString);
        Cli forced = Cli.execute(synthetic.services(), "run", scenario.toString(), "--replications", "1", "--out",
                out.toString(), "--trace", trace.toString(), "--quiet", "--force");
        assertEquals(0, forced.exit(), "speedsim's own trace of the same output directory is replaced: " + forced);
    }

    /**
     * A replication whose trace could not be written has no {@code summary.json}, so it does not look complete
     * (the trace target turned into a directory during the run, so the trace cannot take its name).
     */
    @Test
    void aReplicationWhoseTraceFailedHasNoSummary() throws Exception {
        Path trace = tmp.resolve("t.jsonl");
        Services services = new Services(synthetic.services().scenarios(), (c, t, progress, every) -> {
            try {
                Files.createDirectories(trace.resolve("in-the-way"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            RunResult r = Fakes.run(c, null, null);
            return r;
        }, () -> null);
        Path out = tmp.resolve("out");
        Cli c = Cli.execute(services, "run", scenario().toString(), "--replications", "1", "--out", out.toString(),
                "--trace", trace.toString(), "--quiet");
        assertNotEquals(0, c.exit(), c::toString);
        Path replication = out.resolve("synthetic/0");
        assertTrue(Files.isRegularFile(replication.resolve(RunOutputWriter.PEERS)), c::toString);
        assertFalse(Files.exists(replication.resolve(RunOutputWriter.SUMMARY)), "incomplete, so no summary: " + c);
        assertTrue(c.err().contains("partial (no summary.json) 0"), c::toString);
    }

    /**
     * A sweep or compare resumed after a replication folder was replaced by a symbolic link to the user's folder
     * refuses, and writes nothing through the link.
     */
    @ParameterizedTest
    @EnumSource(value = Command.class, names = {"SWEEP", "COMPARE"})
    void aResumeNeverWritesThroughASymlinkedReplicationFolder(Command command) throws IOException {
        Path out = tmp.resolve("out");
        assertEquals(0, execute(command, out).exit());
        Path dir = out.resolve(command.directory);
        Path replication;
        try (var s = Files.walk(dir)) {
            replication = s.filter(p -> p.getFileName().toString().equals("1")
                    && Files.isRegularFile(p.resolve(RunOutputWriter.SUMMARY))).findFirst().orElseThrow();
        }
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve(RunOutputWriter.PEERS), "the user's peers.csv\n");
        Map<String, String> before = UserFiles.hashes(elsewhere);
        try (var s = Files.list(replication)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(replication);
        Files.createSymbolicLink(replication, elsewhere);

        for (String[] force : List.of(new String[0], new String[] {"--force"})) {
            Cli c = execute(command, out, force);
            assertEquals(2, c.exit(), c::toString);
            assertTrue(c.err().contains("symbolic link"), c::toString);
            assertEquals(before, UserFiles.hashes(elsewhere), "nothing written through the link");
        }
    }

    /**
     * A killed sweep's leftover temporary chart (named as speedsim names its temporaries, beside a chart its
     * manifest lists) is deleted by the next successful run; a file of the same shape that is not beside one of
     * speedsim's files stays.
     */
    @Test
    void leftoverTemporariesOfAKilledSweepAreCleanedButNotTheUsersLookAlikes() throws IOException {
        Path out = tmp.resolve("out");
        String[] args = Command.SWEEP.args(scenario(), null, out);
        String[] withCharts = java.util.Arrays.stream(args).filter(a -> !a.equals("--no-charts"))
                .toArray(String[]::new);
        assertEquals(0, Cli.execute(synthetic.services(), withCharts).exit());
        Path charts = out.resolve("thesis/charts");
        assertTrue(Files.isRegularFile(charts.resolve("response-swarm_lifetime_s.png")));
        Path leftover = Files.writeString(charts.resolve(".response-swarm_lifetime_s.png.4242-17.tmp"), "half");
        Path lookAlike = Files.writeString(charts.resolve(".notes.txt.4242-17.tmp"), "the user's");
        Cli again = Cli.execute(synthetic.services(), withCharts);
        assertEquals(0, again.exit(), again::toString);
        assertFalse(Files.exists(leftover), "speedsim's leftover removed");
        assertEquals("the user's", Files.readString(lookAlike));
    }

    /** A run that fails and keeps nothing leaves a folder the user made beforehand (and one it made, it removes). */
    @Test
    void aFailedRunLeavesTheUsersEmptyFolder() throws IOException {
        Services failing = new Services(synthetic.services().scenarios(), (c, t, p, every) -> {
            throw new IllegalStateException("broken engine");
        }, () -> null);
        Path mine = Files.createDirectories(tmp.resolve("mine/synthetic"));
        Cli c = Cli.execute(failing, "run", scenario().toString(), "--replications", "1", "--out",
                tmp.resolve("mine").toString(), "--quiet");
        assertEquals(1, c.exit(), c::toString);
        assertTrue(Files.isDirectory(mine), "the user's folder stays: " + c);
        assertFalse(Files.exists(mine.resolve(OutputManifest.FILE)));

        Cli fresh = Cli.execute(failing, "run", scenario().toString(), "--replications", "1", "--out",
                tmp.resolve("fresh").toString(), "--quiet");
        assertEquals(1, fresh.exit(), fresh::toString);
        assertFalse(Files.exists(tmp.resolve("fresh/synthetic")), "what the run created and did not use is gone");
    }

    /**
     * A lock file or manifest planted as a symbolic link to the user's file is never followed: the lock is refused
     * (exit 2), the manifest replaced as a link, and the file they point to keeps its content.
     */
    @Test
    void aPlantedLockFileOrManifestLinkIsNeverFollowed() throws IOException {
        Path thesis = Files.writeString(tmp.resolve("thesis.md"), "my thesis\n");
        Path out = tmp.resolve("out");
        Path dir = Files.createDirectories(out.resolve("synthetic"));
        Files.createSymbolicLink(dir.resolve(DirectoryLock.FILE), thesis);
        Cli locked = execute(Command.RUN, out, "--force");
        assertEquals(2, locked.exit(), locked::toString);
        assertFalse(locked.leaksStackTrace(), locked::toString);
        assertEquals("my thesis\n", Files.readString(thesis));

        Files.delete(dir.resolve(DirectoryLock.FILE));
        Files.createSymbolicLink(dir.resolve(OutputManifest.FILE), thesis);
        Cli run = execute(Command.RUN, out);
        assertEquals(0, run.exit(), run::toString);
        assertEquals("my thesis\n", Files.readString(thesis));
        assertTrue(Files.isRegularFile(dir.resolve(OutputManifest.FILE), LinkOption.NOFOLLOW_LINKS));
    }
}
