package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every catalogue scenario ({@code scenarios/*.yaml}) run with its own seed and {@code --report}, each output file
 * hashed and compared with the committed fingerprints in {@code cli/src/test/golden/catalogue.sha256}.
 *
 * <p>This is the guard of refactorings that must not move a single byte: a change that alters any run output, table,
 * SVG chart or report page fails here with the list of files that moved. Excluded are the files that legitimately
 * differ between two runs of the same scenario: the lock (pid, host, time), the manifest (its order follows the
 * threads), PNG rasters (font rendering belongs to the machine; their SVG sources are checked) and the
 * {@code wall_s} line of {@code summary.json}.
 *
 * <p>A scenario too long for the suite runs shortened, with the options in {@link #SHORTENED}: the bytes it writes
 * still guard the code paths and formats it exercises.
 *
 * <p>When a change is meant to move outputs, regenerate with
 * {@code mvn -B -o test -pl cli -am -Dtest=CatalogueGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgolden.update=true} and say in the commit which files moved and why.
 */
class CatalogueGoldenTest {

    private static final Path ROOT = EndToEndTest.ROOT;
    private static final Path GOLDEN = ROOT.resolve("cli/src/test/golden/catalogue.sha256");
    private static final Pattern WALL_CLOCK = Pattern.compile("(?m)^\\s*\"wall_s\" : [^\\n]*\\n");

    /** Catalogue scenarios that take minutes as written (long-tail: 2,000 users for 7 days, 5 replications). */
    static final Map<String, List<String>> SHORTENED = Map.of("long-tail",
            List.of("--replications", "1", "--set", "duration=1d", "--set", "users.count=300"));

    @TempDir
    Path tmp;

    @Test
    void everyCatalogueScenarioWritesTheCommittedBytes() throws IOException {
        Map<String, String> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(ROOT.resolve("scenarios"))) {
            for (Path scenario : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                String name = scenario.getFileName().toString().replaceFirst("\\.yaml$", "");
                Path out = tmp.resolve(name);
                Services standard = Services.standard();
                List<String> args = new ArrayList<>(List.of("run", scenario.toString(), "--out", out.toString(),
                        "--report", "--quiet"));
                args.addAll(SHORTENED.getOrDefault(name, List.of()));
                Cli c = Cli.execute(new Services(standard.scenarios(), standard.engine(), () -> null),
                        args.toArray(String[]::new));
                assertEquals(0, c.exit(), () -> name + ": " + c);
                actual.putAll(fingerprints(out, name));
            }
        }
        List<String> lines = new ArrayList<>();
        actual.forEach((file, hash) -> lines.add(hash + "  " + file));
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.write(GOLDEN, lines, StandardCharsets.UTF_8);
            return;
        }
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
            String[] parts = line.split("  ", 2);
            expected.put(parts[1], parts[0]);
        }
        List<String> moved = new ArrayList<>();
        for (String file : expected.keySet()) {
            if (!actual.containsKey(file)) {
                moved.add("missing  " + file);
            } else if (!actual.get(file).equals(expected.get(file))) {
                moved.add("changed  " + file);
            }
        }
        actual.keySet().stream().filter(f -> !expected.containsKey(f)).forEach(f -> moved.add("new      " + f));
        if (!moved.isEmpty()) {
            fail(moved.size() + " catalogue outputs differ from " + ROOT.relativize(GOLDEN)
                    + " (rerun with -Dgolden.update=true only if the change is meant to move them):\n"
                    + String.join("\n", moved.subList(0, Math.min(40, moved.size()))));
        }
    }

    static Map<String, String> fingerprints(Path out, String scenario) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.equals(".speedsim-lock") || name.equals(".speedsim-manifest") || name.endsWith(".png")) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(file);
                if (name.equals("summary.json")) {
                    bytes = WALL_CLOCK.matcher(new String(bytes, StandardCharsets.UTF_8)).replaceAll("")
                            .getBytes(StandardCharsets.UTF_8);
                }
                hashes.put(scenario + "/" + out.relativize(file).toString().replace('\\', '/'), sha256(bytes));
            }
        }
        return hashes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
