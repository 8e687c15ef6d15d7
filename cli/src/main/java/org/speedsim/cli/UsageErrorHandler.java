package org.speedsim.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line picocli cannot parse (an unknown option, a missing parameter, a value of the wrong type)
 * as {@code speedsim: <the problem>}, a "did you mean" line when picocli has one, and a hint to the command's
 * {@code --help}, instead of the whole usage text; exit code {@value ErrorHandler#BAD_INPUT}.
 */
final class UsageErrorHandler implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        java.util.List<String> extra = command.getUnmatchedArguments();
        if (!(ex instanceof UnmatchedArgumentException) && !extra.isEmpty()) {
            // picocli checks required options before it complains about unknown ones; the typo matters more
            err.println("speedsim: unknown option or argument: " + Sanitize.printable(String.join(" ", extra), 200));
        }
        err.println("speedsim: " + Sanitize.oneLine(ex.getMessage()));
        if (ex instanceof UnmatchedArgumentException unmatched) {
            UnmatchedArgumentException.printSuggestions(unmatched, err);
        }
        err.println("see '" + command.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ErrorHandler.BAD_INPUT;
    }
}
