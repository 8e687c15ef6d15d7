package org.speedsim.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** The {@code --debug} option, mixed into every command: show stack traces of internal errors. */
public final class DebugOption {

    /** The option's name. */
    public static final String NAME = "--debug";

    @Option(names = NAME, description = "Print the stack trace of an internal error.")
    boolean debug;

    /** Whether {@code --debug} was given to the command or any of its subcommands. */
    public static boolean requested(ParseResult result) {
        for (ParseResult p = result; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(NAME)) {
                return true;
            }
        }
        return false;
    }
}
