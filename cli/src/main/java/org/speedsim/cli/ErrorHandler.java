package org.speedsim.cli;

import java.io.PrintWriter;
import org.speedsim.scenarios.Problem;
import org.speedsim.scenarios.ScenarioException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into a message and an exit code: a bad scenario gives its problems, one per line
 * ({@code file:line:column: field: message}), and {@value #BAD_INPUT}; a {@link UserInputException} gives its
 * message and {@value #BAD_INPUT}; so does a problem of the environment ({@link EnvironmentProblem}: a full disk, a
 * read-only directory, a name too long); anything else is an internal error: one line and {@value #INTERNAL}, with the
 * stack trace only under {@code --debug}.
 */
public final class ErrorHandler implements IExecutionExceptionHandler {

    /** Exit code for input the user must fix (picocli uses the same for unknown options). */
    public static final int BAD_INPUT = 2;
    /** Exit code for an internal error or a failed run. */
    public static final int INTERNAL = 1;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (ex instanceof ScenarioException se) {
            printProblems(err, se);
            return BAD_INPUT;
        }
        if (ex instanceof UserInputException) {
            err.println("speedsim: " + ex.getMessage());
            err.flush();
            return BAD_INPUT;
        }
        String environment = EnvironmentProblem.of(ex);
        if (environment != null) {
            err.println("speedsim: " + environment);
            if (DebugOption.requested(parseResult)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return BAD_INPUT;
        }
        internalError(err, OutOfMemory.caused(ex) ? "stopped" : "internal error", ex,
                DebugOption.requested(parseResult));
        return INTERNAL;
    }

    /** Prints a scenario's problems, one per line. */
    public static void printProblems(PrintWriter err, ScenarioException se) {
        if (se.problems().isEmpty()) {
            err.println(firstLine(se.getMessage()));
        }
        for (Problem p : se.problems()) {
            err.println(p);
        }
        err.flush();
    }

    /** Prints {@code speedsim: what: message} on one line, and the stack trace when {@code debug}. */
    public static void internalError(PrintWriter err, String what, Throwable t, boolean debug) {
        if (OutOfMemory.caused(t)) {
            err.println("speedsim: " + what + ": " + OutOfMemory.describe(t));
            if (debug) {
                t.printStackTrace(err);
            }
            err.flush();
            return;
        }
        err.println("speedsim: " + what + ": " + describe(t)
                + (debug ? "" : " (rerun with " + DebugOption.NAME + " for the stack trace)"));
        if (debug) {
            t.printStackTrace(err);
        }
        err.flush();
    }

    /** A throwable as one line: its type and the first line of its message. */
    public static String describe(Throwable t) {
        String message = t.getMessage();
        String type = t.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : firstLine(message) + " [" + type + "]";
    }

    private static String firstLine(String s) {
        return Sanitize.oneLine(s);
    }
}
