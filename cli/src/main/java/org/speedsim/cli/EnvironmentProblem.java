package org.speedsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Input/output failures that are the user's to fix, not speedsim's: a full disk or file-size limit, a read-only or
 * unwritable directory, a file where a directory should be, a name too long for the file system, a file speedsim
 * refuses to replace. They are reported with exit code 2, the path and the operating system's reason.
 */
final class EnvironmentProblem {

    /** The longest file name (one path component) most file systems accept, in bytes. */
    static final int NAME_MAX = 255;

    private static final List<String> REASONS = List.of("no space left", "file too large", "disk quota",
            "read-only file system", "permission denied", "operation not permitted", "not a directory",
            "file name too long", "is a directory");

    private EnvironmentProblem() {
    }

    /**
     * The user's problem behind {@code t} (anywhere in its causes) as one line, or null when it is not one.
     */
    static String of(Throwable t) {
        Path file = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OwnedDirectory.ForeignFileException) {
                return c.getMessage();
            }
            if (file == null && c instanceof FileSystemException fs && fs.getFile() != null) {
                file = Path.of(fs.getFile());
            }
            if (c instanceof AccessDeniedException || c instanceof NotDirectoryException
                    || c instanceof FileAlreadyExistsException) {
                return describe((IOException) c, file);
            }
            if (c instanceof IOException io && !(c instanceof UncheckedIOException) && reason(io) != null) {
                return describe(io, file);
            }
        }
        return null;
    }

    /** {@code cannot write PATH: REASON}, with a hint for a name that is too long; {@code where} if no path. */
    static String describe(IOException e, Path where) {
        String file = e instanceof FileSystemException fs && fs.getFile() != null ? fs.getFile()
                : where == null ? null : where.toString();
        String reason = reason(e);
        if (reason == null) {
            reason = e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NotDirectoryException ? "not a directory"
                    : e instanceof FileAlreadyExistsException ? "a file is in the way"
                    : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        String hint = reason.toLowerCase(Locale.ROOT).contains("name too long")
                ? " (a file name may have at most " + NAME_MAX + " bytes on most file systems; use a shorter "
                + "--name, --labels or --out)" : "";
        return "cannot write " + (file == null ? "the output" : file) + ": " + reason + hint;
    }

    /** The operating system's reason in {@code e}'s message when it is one of the user's problems, else null. */
    private static String reason(IOException e) {
        String m = e instanceof FileSystemException fs ? fs.getReason() : e.getMessage();
        if (m == null && e instanceof FileSystemException) {
            m = e.getMessage();
        }
        if (m == null) {
            return null;
        }
        String lower = m.toLowerCase(Locale.ROOT);
        for (String r : REASONS) {
            if (lower.contains(r)) {
                return m.strip();
            }
        }
        return null;
    }
}
