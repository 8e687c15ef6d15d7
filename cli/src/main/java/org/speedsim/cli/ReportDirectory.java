package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A report's output directory ({@code report.html}, {@code report.md}, {@code charts/}, {@code tables/}).
 *
 * <p>Invariant: an existing non-empty directory is replaced only with {@code force}, and only when everything in it
 * was written by speedsim ({@link OwnedDirectory}: known from its manifest, not from names), so a mistyped
 * {@code --out} cannot delete anything else.
 */
public final class ReportDirectory {

    /** Default name of the report directory inside the directory reported on. */
    public static final String DEFAULT_NAME = "report";

    private ReportDirectory() {
    }

    /**
     * Makes {@code dir} ready for a new report and locks it: created if missing, emptied of speedsim's earlier report
     * when {@code force} is given; every file written under it is then recorded in its manifest.
     *
     * @throws UserInputException when it holds something without {@code force}, holds no manifest, or holds files
     *                            speedsim did not write; when it cannot be created or another process holds it
     */
    public static OwnedDirectory prepare(Path dir, boolean force, String command)
            throws UserInputException, IOException {
        OwnedDirectory owned = OwnedDirectory.open(dir, command);
        try {
            if (!owned.isEmpty()) {
                owned.requireReplaceable(force, "remove or move yours, or choose another --out");
                owned.deleteOurs();
            }
            owned.startRecording();
            return owned;
        } catch (UserInputException | IOException | RuntimeException e) {
            owned.abandon(e);
            throw e;
        }
    }
}
