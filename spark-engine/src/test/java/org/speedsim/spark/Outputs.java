package org.speedsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.speedsim.cli.Cli;
import org.speedsim.cli.Services;

/** Runs the command line in-process and compares output directories file by file. */
final class Outputs {

    /** The tiny legacy swarm of the cli's experiment tests (~40 peers, 2 MiB, a fraction of a second a run). */
    static final Path TINY = Path.of("..", "cli", "src", "test", "resources", "experiments", "tiny.yaml")
            .toAbsolutePath().normalize();

    /** Files that are not results: the lock and the manifest (which lists the same files, in writing order). */
    private static final Set<String> NOT_RESULTS = Set.of(".speedsim-lock", ".speedsim-manifest");

    private Outputs() {
    }

    /** Runs {@code speedsim args...} with the real loader and engine and no terminal. */
    static Cli execute(String... args) {
        Services standard = Services.standard();
        return Cli.execute(new Services(standard.scenarios(), standard.engine(), () -> null), args);
    }

    /** The result files under {@code dir}, relative, sorted ({@code except} left out as well). */
    static Set<String> files(Path dir, Set<String> except) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                String name = dir.relativize(p).toString().replace('\\', '/');
                if (!NOT_RESULTS.contains(p.getFileName().toString()) && !except.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    /**
     * Asserts that two experiment directories hold the same result files with the same bytes, except the wall-clock
     * fields of each {@code summary.json} (compared without them) and the files named in {@code except} (present in
     * {@code actual} only). Returns how many files were compared.
     */
    static int assertSameResults(Path expected, Path actual, Set<String> except) throws IOException {
        Set<String> names = files(expected, Set.of());
        assertEquals(names, files(actual, except), "the same files in " + expected + " and " + actual);
        for (String name : names) {
            byte[] a = Files.readAllBytes(expected.resolve(name));
            byte[] b = Files.readAllBytes(actual.resolve(name));
            if (name.endsWith("summary.json")) {
                assertEquals(withoutWallClock(a), withoutWallClock(b), name);
            } else {
                assertArrayEquals(a, b, name + " differs");
            }
        }
        return names.size();
    }

    private static String withoutWallClock(byte[] json) throws IOException {
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(json);
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            if (names.next().toLowerCase(java.util.Locale.ROOT).startsWith("wall")) {
                names.remove();
            }
        }
        return node.toPrettyString();
    }

    /** {@code first} then {@code more}. */
    static String[] concat(List<String> first, String... more) {
        return Stream.concat(first.stream(), Stream.of(more)).toArray(String[]::new);
    }
}
