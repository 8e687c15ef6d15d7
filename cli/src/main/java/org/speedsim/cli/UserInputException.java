package org.speedsim.cli;

/**
 * A problem with what the user asked for (a missing file, an output directory that already exists): reported as a
 * one-line message with exit code 2, never with a stack trace.
 */
public final class UserInputException extends Exception {
    private static final long serialVersionUID = 1L;

    public UserInputException(String message) {
        super(message);
    }
}
