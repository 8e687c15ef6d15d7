package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RunDirectories} on the layouts of {@code compare}, {@code sweep} and {@code tune}, built as those commands
 * write them: numbered point directories are points, not replications; each variant is named by its label.
 */
class RunDirectoriesTest {

    @TempDir
    Path tmp;

    private static List<String> names(List<ScenarioResults> found) {
        return found.stream().map(ScenarioResults::name).toList();
    }

    private static void assertComplete(List<ScenarioResults> found, int replications) {
        for (ScenarioResults s : found) {
            assertEquals(replications, s.replications().size(), s.name());
            for (Path skipped : s.skipped()) {
                assertEquals(Integer.toString(replications), skipped.getFileName().toString(),
                        "only the partial replication is skipped, never a point: " + skipped);
            }
        }
    }

    @Test
    void aSweepShowsEachPointAsAScenarioInTheSweepsOrder() throws IOException {
        Path sweep = tmp.resolve("spending-rate-sweep");
        StringBuilder variants = new StringBuilder();
        for (int k = 0; k < 12; k++) {
            Fixtures.scenario(sweep.resolve("points"), Integer.toString(k), 2);
            variants.append(k == 0 ? "" : ",").append("{\"label\":\"rate=").append(k)
                    .append("\",\"directory\":\"points/").append(k).append("\"}");
        }
        Files.writeString(sweep.resolve("sweep.json"), "{\"kind\":\"sweep\",\"variants\":[" + variants + "]}");
        List<String> expected = java.util.stream.IntStream.range(0, 12).mapToObj(k -> "rate=" + k).toList();
        List<ScenarioResults> found = RunDirectories.find(sweep);
        assertEquals(expected, names(found));
        assertComplete(found, 2);
        List<ScenarioResults> points = RunDirectories.find(sweep.resolve("points"));
        assertEquals(expected, names(points));
        assertComplete(points, 2);
        List<ScenarioResults> one = RunDirectories.find(sweep.resolve("points/10"));
        assertEquals(List.of("rate=10"), names(one));
    }

    @Test
    void aTunesEvaluationsAreNamedFromItsRunsTableAndOrderedByValue() throws IOException {
        Path tune = tmp.resolve("t");
        Files.createDirectories(tune);
        Files.writeString(tune.resolve("tune.json"), "{\"kind\":\"tune\",\"variants\":[]}");
        StringBuilder runs = new StringBuilder("variant,rate,replication,directory,events\n");
        for (String value : List.of("0", "0.25", "1", "10")) {
            Fixtures.scenario(tune.resolve("evaluations"), value, 3);
            for (int r = 0; r < 3; r++) {
                runs.append("\"rate=").append(value).append(", tuned\",").append(value).append(',').append(r)
                        .append(",evaluations/").append(value).append('/').append(r).append(",5\n");
            }
        }
        Files.writeString(tune.resolve("runs.csv"), runs);
        List<String> expected = List.of("rate=0, tuned", "rate=0.25, tuned", "rate=1, tuned", "rate=10, tuned");
        List<ScenarioResults> found = RunDirectories.find(tune);
        assertEquals(expected, names(found));
        assertComplete(found, 3);
        assertEquals(expected, names(RunDirectories.find(tune.resolve("evaluations"))));
        Files.delete(tune.resolve("runs.csv"));
        assertEquals(List.of("0", "0.25", "1", "10"), names(RunDirectories.find(tune.resolve("evaluations"))),
                "an interrupted tune (no runs.csv yet): directory names, by value");
    }

    @Test
    void aComparesVariantsAreNamedByTheirLabelsNotTheSharedScenarioName() throws IOException {
        Path compare = tmp.resolve("c");
        Path legacy = compare.resolve("legacy");
        Path speed = compare.resolve("speed_x");
        for (int r = 0; r < 2; r++) {
            Fixtures.replication(legacy.resolve(Integer.toString(r)), "speed-vs-legacy", r);
            Fixtures.replication(speed.resolve(Integer.toString(r)), "speed-vs-legacy", r);
        }
        Files.writeString(compare.resolve("compare.json"), "{\"kind\":\"compare\",\"variants\":["
                + "{\"label\":\"speed x\",\"directory\":\"speed_x\"},{\"label\":\"legacy\",\"directory\":\"legacy\"}]}");
        Files.createDirectories(compare.resolve("report/tables"));
        List<ScenarioResults> found = RunDirectories.find(compare);
        assertEquals(List.of("speed x", "legacy"), names(found));
        assertComplete(found, 2);
        assertEquals(List.of("legacy"), names(RunDirectories.find(legacy)));
    }
}
