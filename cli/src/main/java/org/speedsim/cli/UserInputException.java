package org.speedsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A problem with what the user asked for (a missing file, an output directory that already exists): reported as a
 * one-line message with exit code 2, never with a stack trace.
 */
public final class UserInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }

    /** Refuses a scenario file that does not exist (or is not a regular file). */
    static void requireFile(Path file) throws UserInputException {
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file + ": no such file");
        }
    }
}
