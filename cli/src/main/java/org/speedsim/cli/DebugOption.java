package org.speedsim.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The {@code --debug} option, mixed into every command: show stack traces of internal errors. */
public final class DebugOption {

    /** The option's name. */
    public static final String NAME = "--debug";

    @Option(names = NAME, description = "Print the stack trace of an internal error.")
    boolean debug;

    /**
     * Whether {@code --debug} was given anywhere on the command line: before the command name
     * ({@code speedsim --debug run ...}) or after it. {@code result} may be a subcommand's; the whole command line is
     * looked at.
     */
    public static boolean requested(ParseResult result) {
        if (result == null) {
            return false;
        }
        ParseResult whole = result.commandSpec().root().commandLine().getParseResult();
        for (ParseResult p = whole != null ? whole : result; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(NAME)) {
                return true;
            }
        }
        return false;
    }
}
