package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 defect 4: running out of memory, in a replication's thread or in the main thread (a report of a large
 * run), gives one line naming what ran out and {@code SPEEDSIM_JAVA_OPTS}, exit code 1, and no stack trace. The
 * command runs in a child JVM with a 48 MiB heap.
 */
class OutOfMemoryTest {

    private static final Path DEFAULT = EndToEndTest.ROOT.resolve("scenarios/default.yaml");

    @TempDir
    Path tmp;

    private record Child(int exit, String out, String err) {
    }

    private Child speedsim(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx48m", "-cp", System.getProperty("java.class.path"), SpeedsimCommand.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectOutput(tmp.resolve("out.txt").toFile())
                .redirectError(tmp.resolve("err.txt").toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), "child finished");
        return new Child(p.exitValue(), Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    private static void assertOneOutOfMemoryLine(Child c, String what) {
        String all = c.out() + c.err();
        List<String> lines = c.err().lines().filter(l -> l.contains("out of memory")).toList();
        assertEquals(1, lines.size(), all);
        assertTrue(lines.get(0).startsWith("speedsim: " + what) && lines.get(0).contains("SPEEDSIM_JAVA_OPTS=-Xmx")
                && lines.get(0).contains("48 MiB"), all);
        assertFalse(all.contains("\tat ") || all.contains("Exception in thread") || all.contains("OutOfMemoryError"),
                all);
        assertEquals(1, c.exit(), all);
    }

    @Test
    void aReplicationThatRunsOutOfMemorySaysSoInOneLine() throws Exception {
        // 262144 pieces: the first 200 peers' piece table alone is 50 MiB
        Child c = speedsim("run", DEFAULT.toString(), "--set", "file.size=4GiB", "--set", "file.pieceSize=16KiB",
                "--out", tmp.resolve("runs").toString(), "--quiet", "--replications", "4", "--threads", "2");
        assertOneOutOfMemoryLine(c, "replication ");
        assertTrue(c.err().contains("failed: out of memory"), c::toString);
    }

    @Test
    void aReportTooLargeForTheHeapSaysSoInOneLine() throws Exception {
        Path out = tmp.resolve("runs");
        Child run = speedsim("run", DEFAULT.toString(), "--set", "arrivals.peers=20", "--out", out.toString(),
                "--quiet");
        assertEquals(0, run.exit(), run::toString);
        Path peers = out.resolve("default/0/peers.csv");
        List<String> lines = Files.readAllLines(peers);
        StringBuilder big = new StringBuilder(lines.get(0)).append('\n');
        for (int i = 0; i < 600_000; i++) {
            String row = lines.get(1 + i % (lines.size() - 1));
            big.append(i).append(row, row.indexOf(','), row.length()).append('\n');
        }
        Files.writeString(peers, big);
        Child c = speedsim("report", out.resolve("default").toString());
        assertOneOutOfMemoryLine(c, "report stopped: out of memory");
        assertFalse(Files.exists(out.resolve("default/report")), "no report folder left behind");
    }
}
