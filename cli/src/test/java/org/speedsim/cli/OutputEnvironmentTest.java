package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output directory against the world around it: a second process on the same directory, a directory that cannot
 * be created or written (under a file, read-only, a name too long), a disk that fills up. Each is the user's to fix:
 * exit 2, the path and the operating system's reason, nothing simulated when it can be known before.
 */
class OutputEnvironmentTest {

    @TempDir
    Path tmp;

    private final Synthetic synthetic = new Synthetic((x, seed, r) -> 600 + 100 * x + r);

    private Path scenario() throws IOException {
        return Synthetic.scenarioIn(tmp);
    }

    private Path runs() throws IOException {
        return synthetic.completeRunsIn(tmp);
    }

    private static List<String> java(String mainClass) {
        return new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-Xshare:auto", "-cp", System.getProperty("java.class.path"), mainClass));
    }

    /**
     * Another JVM holds the output directory of each command: every command exits 2 naming the holder's pid and
     * changes nothing; once the holder is killed with SIGKILL (no chance to clean up), the lock is gone and each
     * command runs.
     */
    @Test
    void oneProcessPerOutputDirectoryAndTheLockDiesWithItsHolder() throws Exception {
        Path out = tmp.resolve("out");
        Map<UserFilesSafetyTest.Command, Path> dirs = new java.util.EnumMap<>(UserFilesSafetyTest.Command.class);
        for (UserFilesSafetyTest.Command c : UserFilesSafetyTest.Command.values()) {
            dirs.put(c, out.resolve(c.directory));
        }
        List<String> command = java(LockHolder.class.getName());
        dirs.values().forEach(d -> command.add(d.toString()));
        Process holder = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(holder.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("locked", lines.readLine());
            for (UserFilesSafetyTest.Command c : UserFilesSafetyTest.Command.values()) {
                Cli second = Cli.execute(synthetic.services(), c.args(scenario(), runs(), out));
                assertEquals(2, second.exit(), second::toString);
                assertTrue(second.err().contains("in use by another speedsim process (pid " + holder.pid() + " on host")
                        && second.err().contains("speedsim lock-holder " + dirs.get(c)), second::toString);
                assertFalse(second.leaksStackTrace(), second::toString);
                try (Stream<Path> s = Files.list(dirs.get(c))) {
                    assertEquals(List.of(DirectoryLock.FILE), s.map(p -> p.getFileName().toString()).toList(),
                            "nothing written beside the holder: " + c);
                }
            }
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        for (UserFilesSafetyTest.Command c : UserFilesSafetyTest.Command.values()) {
            Cli after = Cli.execute(synthetic.services(), c.args(scenario(), runs(), out));
            assertEquals(0, after.exit(), after::toString);
        }
    }

    /** {@code --out} below a regular file: exit 2 naming the path and the reason, for a run and for a comparison. */
    @Test
    void anOutputUnderARegularFileIsTheUsersToFix() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "mine\n");
        for (UserFilesSafetyTest.Command c : List.of(UserFilesSafetyTest.Command.RUN,
                UserFilesSafetyTest.Command.COMPARE, UserFilesSafetyTest.Command.REPORT)) {
            Cli cli = Cli.execute(synthetic.services(), c.args(scenario(), runs(), file.resolve("sub")));
            assertEquals(2, cli.exit(), cli::toString);
            assertTrue(cli.err().contains(file.toString()) && cli.err().contains("Not a directory"), cli::toString);
            assertFalse(cli.leaksStackTrace(), cli::toString);
        }
        assertEquals("mine\n", Files.readString(file));
    }

    /** A label or name too long for a file name is refused before any simulation; the message says the limit. */
    @Test
    void aLabelTooLongForTheFileSystemIsRefusedBeforeSimulating() throws IOException {
        String label = "x".repeat(300);
        Cli c = Cli.execute(synthetic.services(), "compare", scenario().toString(), "--vary", "x=0,1", "--labels",
                "base," + label, "--replications", "2", "--out", tmp.resolve("out").toString(), "--quiet");
        assertEquals(2, c.exit(), c::toString);
        assertTrue(c.err().contains("File name too long") && c.err().contains("255 bytes"), c::toString);
        assertEquals(0, synthetic.runs.get(), "nothing simulated");
        Cli sweep = Cli.execute(synthetic.services(), "sweep", scenario().toString(), "--param", "x=0,1", "--name",
                label, "--out", tmp.resolve("out").toString(), "--quiet");
        assertEquals(2, sweep.exit(), sweep::toString);
        assertTrue(sweep.err().contains("File name too long") && sweep.err().contains("255 bytes"), sweep::toString);
        assertFalse(sweep.leaksStackTrace(), sweep::toString);
        assertEquals(0, synthetic.runs.get(), "nothing simulated");
    }

    /**
     * A read-only output directory: exit 2 with the path and the reason, before simulating. Root ignores permission
     * bits, so as root the directory is made immutable ({@code chattr +i}); where neither works the test fails rather
     * than skip, since a skipped test checks nothing.
     */
    @Test
    void aReadOnlyOutputDirectoryIsTheUsersToFix() throws Exception {
        Path ro = Files.createDirectories(tmp.resolve("ro"));
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean made = root ? new ProcessBuilder("chattr", "+i", ro.toString()).start().waitFor() == 0
                : ro.toFile().setWritable(false, false);
        assertTrue(made, "cannot make a read-only directory here: chattr +i (as root) or a permission change failed");
        try {
            for (UserFilesSafetyTest.Command c : UserFilesSafetyTest.Command.values()) {
                Cli cli = Cli.execute(synthetic.services(), c.args(scenario(), runs(), ro));
                assertEquals(2, cli.exit(), cli::toString);
                assertTrue(cli.err().contains(ro.toString()) && (cli.err().contains("Operation not permitted")
                        || cli.err().contains("Permission denied")), cli::toString);
                assertFalse(cli.leaksStackTrace(), cli::toString);
            }
            assertEquals(0, synthetic.runs.get() - 2, "nothing simulated but the two runs for report");
        } finally {
            if (root) {
                new ProcessBuilder("chattr", "-i", ro.toString()).start().waitFor();
            } else {
                ro.toFile().setWritable(true, false);
            }
        }
    }

    /**
     * A disk that fills up (a file-size limit, {@code ulimit -f}, in a child shell): a run and a report exit 2 with
     * the path and the reason; no replication looks complete without being so.
     */
    @Test
    void aFullDiskIsReportedWithThePathAndNoReplicationLooksComplete() throws Exception {
        Path out = tmp.resolve("out");
        Cli whole = CompareCommandTest.real("run", CompareCommandTest.TINY.toString(), "--replications", "1",
                "--out", tmp.resolve("whole").toString(), "--quiet");
        assertEquals(0, whole.exit(), whole::toString);
        long peers = Files.size(tmp.resolve("whole/tiny/0/peers.csv"));
        long limitKiB = Math.max(1, peers / 1024 - 1);
        for (String[] args : List.of(
                new String[] {"run", CompareCommandTest.TINY.toString(), "--replications", "2", "--threads", "1",
                    "--out", out.toString(), "--quiet"},
                new String[] {"report", tmp.resolve("whole/tiny").toString(), "--out",
                    tmp.resolve("paper").toString()})) {
            List<String> java = java(SpeedsimCommand.class.getName());
            java.addAll(List.of(args));
            StringBuilder shell = new StringBuilder("ulimit -f " + limitKiB + " && exec");
            for (String a : java) {
                shell.append(" '").append(a.replace("'", "'\\''")).append('\'');
            }
            Process p = new ProcessBuilder("sh", "-c", shell.toString()).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(2, p.waitFor(), text);
            assertTrue(text.contains("File too large") && text.contains("cannot write " + tmp), text);
            assertFalse(text.contains("\tat "), text);
        }
        for (int r = 0; r < 2; r++) {
            Path rep = out.resolve("tiny").resolve(Integer.toString(r));
            assertFalse(Files.exists(rep.resolve(RunOutputWriter.SUMMARY)), "replication " + r + " is incomplete");
        }
    }

    /**
     * A compare killed with SIGKILL when a random number of its runs (1 to 5 of 6, from a seeded draw) are complete,
     * then run again in this process: the killed process's lock is gone with it, and the tables equal, byte for
     * byte, those of a compare never interrupted.
     */
    @Test
    void aCompareKilledAtARandomMomentResumesToIdenticalTables() throws Exception {
        String[] args = {"compare", CompareCommandTest.TINY.toString(), "--vary", "initialSeeds[0].leaveAt=5min,20min",
            "--set", "file.size=16MiB", "--replications", "3", "--threads", "1", "--no-charts", "--quiet"};
        Path whole = tmp.resolve("whole");
        Cli once = CompareCommandTest.real(CompareCommandTest.concat(args, "--out", whole.toString()));
        assertEquals(0, once.exit(), once::toString);

        int killAt = 1 + new java.util.Random(14).nextInt(5);
        Path killed = tmp.resolve("killed");
        Path dir = killed.resolve("tiny");
        List<String> command = java(SpeedsimCommand.class.getName());
        command.addAll(List.of(CompareCommandTest.concat(args, "--out", killed.toString())));
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("killed.log").toFile()).start();
        int complete = 0;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (p.isAlive() && System.nanoTime() < deadline) {
            complete = 0;
            for (String variant : List.of("5min", "20min")) {
                for (int r = 0; r < 3; r++) {
                    complete += Files.exists(dir.resolve(variant + "/" + r + "/summary.json")) ? 1 : 0;
                }
            }
            if (complete >= killAt) {
                p.destroyForcibly();
                break;
            }
            Thread.sleep(2);
        }
        p.waitFor();
        assertTrue(complete >= killAt && complete < 6, "killed midway: " + complete + " of 6 complete; "
                + Files.readString(tmp.resolve("killed.log")));
        assertFalse(Files.exists(dir.resolve(ComparisonTable.CSV)));

        Cli resumed = CompareCommandTest.real(CompareCommandTest.concat(args, "--out", killed.toString()));
        assertEquals(0, resumed.exit(), resumed::toString);
        for (String table : List.of(ComparisonTable.CSV, "runs.csv")) {
            assertEquals(Files.readString(whole.resolve("tiny").resolve(table)), Files.readString(dir.resolve(table)),
                    table);
        }
    }

    /**
     * Two identical sweeps started at once in two JVMs on one output directory: never both at work (the second exits
     * 2 naming the first, or, if the first was already done, resumes its complete runs), no I/O error in either, and
     * the tables are those of a single sweep.
     */
    @Test
    void twoIdenticalSweepsAtOnceNeverMix() throws Exception {
        String[] args = {"sweep", CompareCommandTest.TINY.toString(), "--param", "protocol.unchokeSlots=2,4",
            "--replications", "2", "--threads", "1", "--no-charts", "--quiet"};
        Path single = tmp.resolve("single");
        assertEquals(0, CompareCommandTest.real(CompareCommandTest.concat(args, "--out", single.toString())).exit());
        Path shared = tmp.resolve("shared");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            List<String> command = java(SpeedsimCommand.class.getName());
            command.addAll(List.of(CompareCommandTest.concat(args, "--out", shared.toString())));
            command.remove("--quiet");
            processes.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(tmp.resolve("sweep-" + i + ".log").toFile()).start());
        }
        List<Integer> exits = new ArrayList<>();
        StringBuilder logs = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            exits.add(processes.get(i).waitFor());
            logs.append(Files.readString(tmp.resolve("sweep-" + i + ".log")));
        }
        assertTrue(exits.contains(0), exits + " " + logs);
        if (exits.equals(List.of(0, 0))) {
            assertTrue(logs.toString().contains("resumed: 4 of 4 runs were complete already"),
                    "both ran: one must have found the other's work done: " + logs);
        }
        for (int i = 0; i < 2; i++) {
            String log = Files.readString(tmp.resolve("sweep-" + i + ".log"));
            assertTrue(exits.get(i) == 0 || (exits.get(i) == 2 && log.contains("in use by another speedsim process")),
                    exits + " " + logs);
            assertFalse(log.contains("Exception"), log);
        }
        for (String table : List.of(SweepCommand.RESULTS, SweepCommand.POINTS)) {
            assertEquals(Files.readString(single.resolve("tiny-sweep").resolve(table)),
                    Files.readString(shared.resolve("tiny-sweep").resolve(table)), table);
        }
    }
}
