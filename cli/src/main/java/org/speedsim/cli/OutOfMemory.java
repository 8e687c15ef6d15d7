package org.speedsim.cli;

import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * Turns an {@link OutOfMemoryError} into one line saying what ran out and how to give Java more memory
 * ({@value #HINT}), with exit code {@value ErrorHandler#INTERNAL} (a run that could not finish); the stack trace only
 * under {@code --debug}.
 */
final class OutOfMemory {

    /** How to give the JVM more heap through the launcher script. */
    static final String HINT = "SPEEDSIM_JAVA_OPTS=-Xmx8g";
    private static final java.util.Set<String> COMMANDS = java.util.Set.of("run", "validate", "report", "compare",
            "sweep", "tune");

    /** A megabyte set aside so that the message can still be printed once the heap is full. */
    @SuppressWarnings("unused")
    private static volatile byte[] reserve;

    private OutOfMemory() {
    }

    /** Whether {@code t} or one of its causes is an out-of-memory error. */
    static boolean caused(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /** {@code out of memory (Java heap space; the heap is limited to 48 MiB); give ... or ask for less}. */
    static String describe(Throwable t) {
        String kind = "Java heap space";
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof OutOfMemoryError && c.getMessage() != null && !c.getMessage().isBlank()) {
                kind = Sanitize.oneLine(c.getMessage());
                break;
            }
        }
        return "out of memory (" + kind + "; the Java heap is limited to " + mebibytes(Runtime.getRuntime().maxMemory())
                + "); give Java more, e.g. " + HINT + " ./speedsim ..., or ask for less (fewer replications, points, "
                + "peers or pieces)";
    }

    /**
     * Runs the whole command; an out-of-memory error that reaches it (from the main thread) becomes one line on
     * stderr and exit code {@value ErrorHandler#INTERNAL}.
     */
    static int guard(String[] args, IntSupplier command) {
        reserve = new byte[1 << 20];
        try {
            return command.getAsInt();
        } catch (OutOfMemoryError e) {
            reserve = null;
            System.err.println("speedsim: " + command(args) + " stopped: " + describe(e));
            if (Arrays.asList(args).contains(DebugOption.NAME)) {
                e.printStackTrace(System.err);
            }
            System.err.flush();
            return ErrorHandler.INTERNAL;
        }
    }

    /** The command the arguments name ({@code run}, {@code report}, ...), else {@code speedsim}. */
    static String command(String[] args) {
        for (String a : args) {
            if (COMMANDS.contains(a)) {
                return a;
            }
        }
        return "speedsim";
    }

    private static String mebibytes(long bytes) {
        return bytes == Long.MAX_VALUE ? "no set limit" : (bytes >> 20) + " MiB";
    }
}
