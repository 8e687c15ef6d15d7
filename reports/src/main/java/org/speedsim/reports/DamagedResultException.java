package org.speedsim.reports;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A result file that is not what speedsim writes (truncated, not UTF-8 text, a CSV row of the wrong width, a JSON
 * field of the wrong type): names the file and the problem, in printable text only.
 */
public final class DamagedResultException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public DamagedResultException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    /** The damaged file. */
    public Path file() {
        return file;
    }
}
