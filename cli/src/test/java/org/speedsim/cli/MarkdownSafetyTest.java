package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 defect 11: labels, scenario names and scenario values never become HTML or Markdown structure in
 * compare.md and report.md: no raw {@code <script>} or {@code <img>} outside code blocks, every table row as wide as
 * its header, and a value with backticks cannot close the code block that shows it.
 */
class MarkdownSafetyTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(2)>";

    @TempDir
    Path tmp;

    /** The text outside fenced code blocks (a fence is a line of 3 or more backticks, closed by the same line). */
    static String outsideCode(String md) {
        StringBuilder b = new StringBuilder();
        String fence = null;
        for (String line : md.split("\n", -1)) {
            String stripped = line.strip();
            if (fence == null && stripped.matches("`{3,}.*")) {
                fence = stripped.replaceAll("[^`].*", "");
            } else if (fence != null && stripped.equals(fence)) {
                fence = null;
            } else if (fence == null) {
                b.append(line).append('\n');
            }
        }
        assertEquals(null, fence, "every code block is closed");
        return b.toString();
    }

    /** Cells of a table row: unescaped pipes, minus the two at the ends. */
    static int cells(String row) {
        int pipes = 0;
        for (int i = 0; i < row.length(); i++) {
            if (row.charAt(i) == '\\') {
                i++;
            } else if (row.charAt(i) == '|') {
                pipes++;
            }
        }
        return pipes - 1;
    }

    static void assertInert(String md) {
        String text = outsideCode(md);
        String lower = text.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script") || lower.contains("<img"), text);
        int width = -1;
        for (String line : text.split("\n")) {
            if (!line.startsWith("|")) {
                width = -1;
                continue;
            }
            if (width < 0) {
                width = cells(line);
            } else {
                assertEquals(width, cells(line), () -> "row as wide as its header: " + line);
            }
        }
    }

    @Test
    void compareMarkdownEscapesLabels() throws IOException {
        Path file = Files.writeString(tmp.resolve("demo.yaml"), "name: demo\n");
        Cli c = Cli.execute(Fakes.services(), "compare", file.toString(), "--vary", "a=1,2,3", "--labels",
                SCRIPT + "," + IMG + ",a|b\\|c`x`", "--out", tmp.resolve("out").toString(), "--name", "cmp",
                "--quiet", "--no-charts");
        assertEquals(0, c.exit(), c::toString);
        String md = Files.readString(tmp.resolve("out/cmp").resolve(ComparisonTable.MARKDOWN));
        assertTrue(md.contains("&lt;script&gt;"), md);
        assertInert(md);
    }

    @Test
    void reportMarkdownEscapesScenarioNamesAndValues() throws IOException {
        Path file = Files.writeString(tmp.resolve("x" + IMG.replace('/', '_') + "|y.yaml"), "name: x\n");
        Path out = tmp.resolve("runs");
        Cli run = Cli.execute(Fakes.services(), "run", file.toString(), "--out", out.toString(), "--quiet",
                "--set", "note=```\n" + SCRIPT + "\n```", "--report");
        assertEquals(0, run.exit(), run::toString);
        try (var dirs = Files.list(out)) {
            Path dir = dirs.findFirst().orElseThrow();
            String md = Files.readString(dir.resolve("report/report.md"));
            assertTrue(md.contains("&lt;img"), md);
            assertTrue(md.contains(SCRIPT), "the scenario is shown, inside its code block: " + md);
            assertInert(md);
        }
    }

    @Test
    void theChecksSeeRawHtmlAndBrokenTables() {
        // the checks themselves fail on what the fix prevents
        assertThrowsAssertion(() -> assertInert("| a | b |\n|---|---|\n| " + SCRIPT + " | 1 |\n"));
        assertThrowsAssertion(() -> assertInert("| a | b |\n|---|---|\n| x|y | 1 |\n"));
        assertThrowsAssertion(() -> assertInert("```yaml\nx: 1\n```\n" + IMG + "\n"));
        assertInert("| a | b |\n|---|---|\n| x\\|y &lt;img | 1 |\n```yaml\n" + SCRIPT + "\n```\n");
    }

    private static void assertThrowsAssertion(org.junit.jupiter.api.function.Executable e) {
        org.junit.jupiter.api.Assertions.assertThrows(org.opentest4j.AssertionFailedError.class, e);
    }
}
