package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The directory of one scenario's run, {@code <out>/<scenario-name>/}, holding one sub-directory per replication
 * ({@code 0}, {@code 1}, ...).
 *
 * <p>Invariant: an existing directory is never overwritten silently (an empty one counts as absent). Without
 * {@code force} it is refused; with
 * {@code force} it is emptied first, but only if everything in it looks like speedsim output (replication
 * directories holding only {@link RunOutputWriter#FILES} and temporary leftovers, and {@code report/} directories of
 * {@link ReportDirectory}), so a mistyped {@code --out}
 * cannot delete anything else.
 */
public final class OutputDirectory {

    private OutputDirectory() {
    }

    /** The directory name used for a scenario: its name with anything but letters, digits, '.', '-', '_' as '_'. */
    public static String safeName(String scenarioName) {
        String s = scenarioName.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "scenario" : s;
    }

    /** The directory of replication {@code r} inside a scenario directory. */
    public static Path replication(Path scenarioDir, int r) {
        return scenarioDir.resolve(Integer.toString(r));
    }

    /**
     * Creates {@code <out>/<safeName(scenario)>} and returns it.
     *
     * @throws UserInputException if it exists and {@code force} is false, or it holds files speedsim did not write
     */
    public static Path prepare(Path out, String scenario, boolean force) throws UserInputException, IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + " is a file, not a directory");
        }
        Path dir = out.resolve(safeName(scenario));
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(dir)) {
            if (!force) {
                throw new UserInputException(dir + " already exists; choose another --out or pass --force to "
                        + "replace it");
            }
            List<Path> foreign = foreignEntries(dir);
            if (!foreign.isEmpty()) {
                throw new UserInputException("--force refused: " + dir + " holds files speedsim did not write ("
                        + foreign.get(0) + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "")
                        + "); remove them or choose another --out");
            }
            deleteRecursively(dir);
        }
        Files.createDirectories(dir);
        return dir;
    }

    /** Removes the scenario directory if nothing was written into it (a run that kept nothing leaves nothing). */
    public static void removeIfEmpty(Path dir) throws IOException {
        if (isEmptyDirectory(dir)) {
            Files.delete(dir);
        }
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    private static List<Path> foreignEntries(Path dir) throws IOException {
        List<Path> foreign = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            foreign.add(dir);
            return foreign;
        }
        try (DirectoryStream<Path> replications = Files.newDirectoryStream(dir)) {
            for (Path rep : replications) {
                if (isReport(rep)) {
                    continue;
                }
                if (!rep.getFileName().toString().matches("[0-9]+")
                        || !Files.isDirectory(rep, LinkOption.NOFOLLOW_LINKS)) {
                    foreign.add(rep);
                    continue;
                }
                try (DirectoryStream<Path> files = Files.newDirectoryStream(rep)) {
                    for (Path f : files) {
                        if (!isOurs(f) && !isReport(f)) {
                            foreign.add(f);
                        }
                    }
                }
            }
        }
        return foreign;
    }

    /** A {@code report/} directory written by {@code speedsim report} or {@code run --report}. */
    private static boolean isReport(Path p) throws IOException {
        return p.getFileName().toString().equals(ReportDirectory.DEFAULT_NAME) && ReportDirectory.looksLikeReport(p);
    }

    private static boolean isOurs(Path f) {
        String name = f.getFileName().toString();
        boolean known = RunOutputWriter.FILES.contains(name)
                || (name.startsWith(".") && name.endsWith(AtomicFiles.TEMP_SUFFIX));
        return known && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList();
            for (Path p : paths) {
                Files.delete(p);
            }
        }
    }
}
