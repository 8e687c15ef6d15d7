package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A report's output directory ({@code report.html}, {@code report.md}, {@code charts/}, {@code tables/}).
 *
 * <p>Invariant: an existing non-empty directory is replaced only with {@code force}, and only when everything in it
 * looks like a report speedsim wrote, so a mistyped {@code --out} cannot delete anything else.
 */
public final class ReportDirectory {

    /** Default name of the report directory inside the directory reported on. */
    public static final String DEFAULT_NAME = "report";

    private static final List<String> TOP = List.of("report.html", "report.md");

    private ReportDirectory() {
    }

    /**
     * Makes {@code dir} ready for a new report: created if missing, emptied when it holds an earlier report and
     * {@code force} is given.
     *
     * @throws UserInputException when it exists without {@code force}, or holds files that are not a report's
     */
    public static void prepare(Path dir, boolean force) throws UserInputException, IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException("--out " + dir + " is a file, not a directory");
        }
        if (Files.isDirectory(dir) && !isEmpty(dir)) {
            if (!force) {
                throw new UserInputException(dir + " already exists; choose another --out or pass --force to "
                        + "replace it");
            }
            if (!looksLikeReport(dir)) {
                throw new UserInputException("--force refused: " + dir + " holds files a report does not write; "
                        + "remove them or choose another --out");
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                    if (!p.equals(dir)) {
                        Files.delete(p);
                    }
                }
            }
        }
        Files.createDirectories(dir);
    }

    /** Whether {@code dir} holds only what a report writes (and temporary leftovers of an interrupted one). */
    public static boolean looksLikeReport(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                boolean ok = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                        ? (name.equals("charts") && only(p, ".png", ".svg")) || (name.equals("tables") && only(p, ".csv"))
                        : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && (TOP.contains(name) || temporary(name));
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean only(Path dir, String... suffixes) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                boolean ok = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && (temporary(name) || Stream.of(suffixes).anyMatch(name::endsWith));
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean temporary(String name) {
        return name.startsWith(".") && name.endsWith(AtomicFiles.TEMP_SUFFIX);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }
}
