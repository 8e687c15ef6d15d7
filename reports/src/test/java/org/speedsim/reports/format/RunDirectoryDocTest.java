package org.speedsim.reports.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/run-directory.md} holds the column tables generated from the declarations. After changing a
 * declaration, regenerate them with {@code -Ddocs.update=true}.
 */
class RunDirectoryDocTest {

    private static final Path DOC = Path.of("..", "docs", "run-directory.md");

    @Test
    void theDocumentedColumnsAreTheDeclaredOnes() throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(ColumnDocs.BEGIN);
        int end = doc.indexOf(ColumnDocs.END);
        assertTrue(begin >= 0 && end > begin, DOC + " lacks the markers of the generated tables");
        String generated = doc.substring(begin + ColumnDocs.BEGIN.length() + 1, end);
        if (Boolean.getBoolean("docs.update")) {
            Files.writeString(DOC, doc.substring(0, begin + ColumnDocs.BEGIN.length() + 1) + ColumnDocs.markdown()
                    + doc.substring(end));
            return;
        }
        assertEquals(ColumnDocs.markdown(), generated, DOC + " is out of date: run this test with -Ddocs.update=true");
    }

    @Test
    void everyDeclaredColumnIsInTheDocOnceAsATableRow() throws IOException {
        String doc = Files.readString(DOC);
        for (var file : java.util.List.of(RunFiles.PEERS_COLUMNS, RunFiles.PIECE_COPIES_COLUMNS,
                RunFiles.TIMESERIES_COLUMNS, RunFiles.SUMMARY_FIELDS, ExperimentFiles.RUN_KEY, ExperimentFiles.DERIVED,
                StatisticsFiles.ESTIMATE, StatisticsFiles.METHOD, ReportFiles.SUMMARY, ReportFiles.SURVIVAL,
                WorldFiles.TIMESERIES_COLUMNS, WorldFiles.TORRENTS_COLUMNS, WorldFiles.USERS_COLUMNS,
                WorldFiles.REQUESTS_COLUMNS, WorldFiles.SUMMARY_FIELDS, ReportFiles.WORLD_REQUEST_SUCCESS,
                ReportFiles.WORLD_SURVIVAL, ReportFiles.WORLD_LORENZ, ReportFiles.WORLD_TOKENS)) {
            for (Column<?> c : file) {
                assertTrue(doc.contains("| `" + c.name() + "` | " + c.unit() + " |"), c.name() + " undocumented");
            }
        }
    }
}
