package org.speedsim.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Runs the command line in-process, capturing what it prints; shared with the spark-engine tests through cli's test
 * jar.
 */
public record Cli(int exit, String out, String err) {

    /** Runs {@code speedsim args...} on {@code services}. */
    public static Cli execute(Services services, String... args) {
        CommandLine cl = SpeedsimCommand.commandLine(services);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Cli(exit, out.toString(), err.toString());
    }

    /** Whether anything printed looks like a stack trace or an exception leaking out. */
    public boolean leaksStackTrace() {
        String all = out + err;
        return all.contains("Exception") || all.contains("\tat ") || all.contains("at org.")
                || all.contains("at java.");
    }

    @Override
    public String toString() {
        return "exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
    }
}
