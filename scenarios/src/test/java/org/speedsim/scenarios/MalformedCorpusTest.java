package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the corpus in {@code src/test/resources/malformed} as listed in its {@code cases.txt}: each case must fail
 * with a {@link ScenarioException} (no other exception) whose problems match every expectation of the case.
 */
class MalformedCorpusTest {

    static final Path DIR = Path.of("src/test/resources/malformed");

    /** One expected problem. */
    record Expectation(String file, String path, int line, String fragment) {
        boolean matches(Problem p) {
            boolean fileOk = file.equals("--set") ? p.file().startsWith("--set ")
                    : Path.of(p.file()).getFileName() != null && Path.of(p.file()).getFileName().toString().equals(file);
            return fileOk && p.path().equals(path) && (line < 0 || p.line() == line) && p.message().contains(fragment);
        }
    }

    /** A case: file and overrides, with its expectations. */
    record Case(String file, List<String> overrides) {
    }

    static Map<Case, List<Expectation>> cases() throws IOException {
        Map<Case, List<Expectation>> cases = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DIR.resolve("cases.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\\s*\\|\\s*", -1);
            assertEquals(6, f.length, line);
            List<String> overrides = f[1].strip().equals("-") ? List.of()
                    : Arrays.stream(f[1].split(";;")).map(String::strip).toList();
            cases.computeIfAbsent(new Case(f[0].strip(), overrides), k -> new ArrayList<>())
                    .add(new Expectation(f[2].strip(), f[3].strip(), f[4].strip().equals("-") ? -1
                            : Integer.parseInt(f[4].strip()), f[5].strip()));
        }
        return cases;
    }

    @Test
    void theCorpusIsLargeAndEveryFileIsACase() throws IOException {
        Set<String> listed = cases().keySet().stream().map(Case::file).collect(Collectors.toCollection(TreeSet::new));
        Set<String> present;
        try (Stream<Path> s = Files.list(DIR)) {
            present = s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("_") && !n.equals("cases.txt"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(present, listed);
        assertTrue(cases().size() >= 30, "at least 30 malformed cases: " + cases().size());
    }

    @Test
    void everyCorpusFileFailsOnItsOwn() throws IOException {
        // the command-line tests run each file without overrides and expect exit code 2
        for (Case c : cases().keySet()) {
            List<Problem> problems = null;
            try {
                ScenarioLoader.load(DIR.resolve(c.file()), List.of());
            } catch (ScenarioException e) {
                problems = e.problems();
            }
            assertTrue(problems != null && !problems.isEmpty(), c.file() + " loads without overrides");
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseFailsWithTheExpectedProblems() throws IOException {
        return cases().entrySet().stream().map(e -> DynamicTest.dynamicTest(
                e.getKey().file() + " " + e.getKey().overrides(), () -> check(e.getKey(), e.getValue())));
    }

    private static void check(Case c, List<Expectation> expected) {
        List<Problem> problems;
        try {
            LoadedScenario s = ScenarioLoader.load(DIR.resolve(c.file()), c.overrides());
            fail("loaded without problems: " + s.name());
            return;
        } catch (ScenarioException e) {
            problems = e.problems();
        }
        assertFalse(problems.isEmpty());
        for (Expectation x : expected) {
            assertTrue(problems.stream().anyMatch(x::matches), () -> "no problem matches " + x + " among\n"
                    + problems.stream().map(p -> p + "   [path=" + p.path() + " line=" + p.line() + "]")
                    .collect(Collectors.joining("\n")));
        }
        for (Problem p : problems) {
            assertFalse(p.message().isBlank(), p.toString());
            assertFalse(p.message().contains("Exception"), () -> "an exception name leaked into " + p);
        }
    }
}
