package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, defect 1: a progress bar observes a run and never changes it. The same run with a terminal (progress
 * shown) and without gives the same files, byte for byte, except the wall-clock time in summary.json (the lock and
 * manifest files, which record the process and the order of writes, are bookkeeping, not results).
 */
class ProgressObservationTest {

    @TempDir
    Path tmp;

    private static Services services(StringWriter terminal) {
        Services standard = Services.standard();
        return new Services(standard.scenarios(), standard.engine(),
                () -> terminal == null ? null : new PrintWriter(terminal, true));
    }

    @Test
    void runWithAndWithoutAProgressBarWritesTheSameResults() throws IOException {
        Path scenario = EndToEndTest.ROOT.resolve("scenarios/default.yaml");
        StringWriter terminal = new StringWriter();
        String[] common = {"--replications", "2", "--threads", "2", "--set", "arrivals.peers=40"};
        Cli shown = Cli.execute(services(terminal), concat(new String[] {"run", scenario.toString(), "--out",
                tmp.resolve("shown").toString()}, common));
        Cli hidden = Cli.execute(services(null), concat(new String[] {"run", scenario.toString(), "--out",
                tmp.resolve("hidden").toString(), "--quiet"}, common));
        assertEquals(0, shown.exit(), shown::toString);
        assertEquals(0, hidden.exit(), hidden::toString);
        assertTrue(terminal.toString().contains("%") || terminal.toString().contains("replication"),
                () -> "the progress bar was drawn: " + terminal);
        Path a = tmp.resolve("shown/default");
        Path b = tmp.resolve("hidden/default");
        List<Path> files = files(a);
        assertEquals(files, files(b));
        assertTrue(files.stream().anyMatch(f -> f.endsWith("summary.json")), files::toString);
        for (Path f : files) {
            if (f.endsWith("summary.json")) {
                assertEquals(withoutWallClock(a.resolve(f)), withoutWallClock(b.resolve(f)), f.toString());
            } else {
                assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f.toString());
            }
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(dir::relativize)
                    .filter(f -> !f.endsWith(DirectoryLock.FILE) && !f.endsWith(OutputManifest.FILE))
                    .sorted().toList();
        }
    }

    private static String withoutWallClock(Path summary) throws IOException {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(summary.toFile());
        n.remove("wall_s");
        return n.toString();
    }
}
