package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * The directory of one scenario's run, {@code <out>/<scenario-name>/}, holding one sub-directory per replication
 * ({@code 0}, {@code 1}, ...).
 *
 * <p>Invariant: an existing directory is never overwritten silently (an empty one counts as absent). Without
 * {@code force} it is refused; with {@code force} speedsim's earlier files are deleted first, but only when the
 * directory holds nothing else ({@link OwnedDirectory}: known from its manifest, not from names), so a mistyped
 * {@code --out} cannot delete anything of the user's.
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
     * Opens {@code <out>/<safeName(scenario)>} for a run: created if missing, locked, and (with {@code force}) emptied
     * of speedsim's earlier output; then every file written under it is recorded. Refused, changing nothing, when it
     * holds something and {@code force} is false, when it holds no manifest, when it holds anything speedsim did not
     * write, or when a trace file exists that speedsim did not write (with {@code force} or not) or that is not a
     * regular file.
     *
     * @param traces the trace files the run will write (anywhere)
     * @throws UserInputException for each refusal above, and when the directory cannot be created or is locked
     */
    public static OwnedDirectory prepare(Path out, String scenario, boolean force, String command, List<Path> traces)
            throws UserInputException, IOException {
        OwnedDirectory owned = OwnedDirectory.open(out.resolve(safeName(scenario)), command);
        try {
            Path dir = owned.dir();
            boolean empty = owned.isEmpty();
            if (!empty) {
                owned.requireReplaceable(force, "remove or move yours, or choose another --out");
            }
            for (Path t : traces) {
                checkTrace(owned, t, force);
            }
            if (!empty) {
                owned.deleteOurs();
            }
            owned.startRecording();
            for (Path t : traces) {
                owned.recordElsewhere(t);
            }
            return owned;
        } catch (UserInputException | IOException | RuntimeException e) {
            owned.abandon(e);
            throw e;
        }
    }

    /** A trace may replace only a regular file an earlier speedsim command into the same directory wrote. */
    private static void checkTrace(OwnedDirectory owned, Path trace, boolean force)
            throws UserInputException, IOException {
        if (!Files.exists(trace, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isRegularFile(trace, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserInputException("--trace " + trace + " exists and is not a regular file (a directory, "
                    + "symbolic link, device or fifo); speedsim never replaces one: choose another --trace");
        }
        if (!owned.wrote(trace)) {
            throw new UserInputException("--trace " + trace + " exists and speedsim did not write it (it is not in "
                    + owned.dir().resolve(OutputManifest.FILE) + "); --force does not replace it: choose another "
                    + "--trace");
        }
        if (!force) {
            throw new UserInputException("--trace " + trace + " already exists; choose another --trace or pass "
                    + "--force to replace it");
        }
    }
}
