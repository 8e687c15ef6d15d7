package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 defect 7: {@code report} on damaged results exits 2 with one printable line naming the file and the
 * problem and leaves no report folder; a sweep resumed over a damaged summary.json runs that run again and ends with
 * the tables of an undamaged sweep.
 */
class DamagedResultsTest {

    @TempDir
    Path tmp;

    private Path runs() throws IOException {
        Path file = Files.writeString(tmp.resolve("demo.yaml"), "name: demo\n");
        Path out = tmp.resolve("runs");
        Cli c = Cli.execute(Fakes.services(), "run", file.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, c.exit(), c::toString);
        return out.resolve("demo");
    }

    private void assertReportRefused(String file, UnaryOperator<byte[]> damage, String problem) throws IOException {
        Path dir = runs();
        Path damaged = dir.resolve("1").resolve(file);
        Files.write(damaged, damage.apply(Files.readAllBytes(damaged)));
        Cli c = Cli.execute(Fakes.services(), "report", dir.toString());
        assertEquals(2, c.exit(), c::toString);
        assertEquals(1, c.err().lines().count(), c::toString);
        assertTrue(c.err().startsWith("speedsim: " + damaged + ": ") && c.err().contains(problem), c::toString);
        assertTrue(c.err().chars().allMatch(ch -> ch == '\n' || (ch >= 0x20 && ch != 0x7f && ch != 0xfffd)),
                () -> "printable only: " + c.err());
        assertFalse(c.leaksStackTrace(), c::toString);
        assertFalse(Files.exists(dir.resolve("report")), "no report folder left behind");
        deleteRuns();
    }

    private void deleteRuns() throws IOException {
        try (var files = Files.walk(tmp.resolve("runs"))) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static byte[] half(byte[] b) {
        return java.util.Arrays.copyOf(b, b.length / 2);
    }

    @Test
    void reportNamesTheDamagedFileAndExitsTwo() throws IOException {
        assertReportRefused("timeseries.csv", DamagedResultsTest::half, "truncated");
        assertReportRefused("summary.json", DamagedResultsTest::half, "not valid JSON");
        assertReportRefused("summary.json", b -> new String(b, StandardCharsets.UTF_8)
                .replaceFirst("\"simulated_s\" ?: ?[0-9.]+", "\"simulated_s\": \"soon\"")
                .getBytes(StandardCharsets.UTF_8), "simulated_s should be a number");
        assertReportRefused("summary.json", b -> "[1, 2]\n".getBytes(StandardCharsets.UTF_8), "not a JSON object");
        assertReportRefused("summary.json", b -> new String(b, StandardCharsets.UTF_8)
                .replaceFirst("\"simulated_s\"", "\"simulatedSeconds\"")
                .getBytes(StandardCharsets.UTF_8), "written by an earlier speedsim");
        assertReportRefused("summary.json", b -> new String(b, StandardCharsets.UTF_8)
                .replaceFirst("\"download_time_p50_s\" ?: ?[0-9.]+", "\"download_time_p50_s\": [1]")
                .getBytes(StandardCharsets.UTF_8), "download_time_p50_s should be a number or null, not an array");
        assertReportRefused("peers.csv", b -> {
            byte[] junk = new byte[4096];
            new Random(14).nextBytes(junk);
            junk[10] = 0x1b; // an escape sequence must never reach the terminal
            return junk;
        }, "peers.csv");
        assertReportRefused("peers.csv", b -> new String(b, StandardCharsets.UTF_8).replaceFirst("\n[0-9]+,", "\nx,")
                .getBytes(StandardCharsets.UTF_8), "cannot be read as a table");
    }

    @Test
    void aResumedSweepRunsADamagedRunAgain() throws IOException {
        Path file = Files.writeString(tmp.resolve("demo.yaml"), "name: demo\n");
        String[] args = {"sweep", file.toString(), "--param", "a=1,2", "--replications", "2", "--out",
            tmp.resolve("out").toString(), "--quiet", "--no-charts"};
        Cli first = Cli.execute(Fakes.services(), args);
        assertEquals(0, first.exit(), first::toString);
        Path sweep = tmp.resolve("out/demo-sweep");
        byte[] results = Files.readAllBytes(sweep.resolve(SweepCommand.RESULTS));
        Path summary = sweep.resolve("points/1/0/summary.json");
        Files.write(summary, half(Files.readAllBytes(summary)));

        Cli again = Cli.execute(Fakes.services(), args);
        assertEquals(0, again.exit(), again::toString);
        assertTrue(again.err().contains(summary + ": not valid JSON") && again.err().contains("running it again"),
                again::toString);
        assertTrue(new ObjectMapper().readTree(summary.toFile()).isObject(), "rewritten");
        assertArrayEquals(results, Files.readAllBytes(sweep.resolve(SweepCommand.RESULTS)));
        Cli third = Cli.execute(Fakes.services(), args);
        assertEquals("", third.err(), third::toString);
    }
}
