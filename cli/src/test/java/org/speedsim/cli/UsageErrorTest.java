package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 defect 11 and issue 18 defect 9: a command line picocli cannot parse gives the one line that matters and
 * a hint to --help, not the whole usage text; nonsense numbers give one {@code speedsim:} line; {@code --debug}
 * before the command name applies to failed replications too.
 */
class UsageErrorTest {

    @TempDir
    Path tmp;

    private Path scenario() throws IOException {
        return Files.writeString(tmp.resolve("demo.yaml"), "name: demo\n");
    }

    @Test
    void parseErrorsAreOneLineAndAHint() throws IOException {
        String file = scenario().toString();
        List<String[]> cases = List.of(
                new String[] {"sweep", file, "--bogus"},
                new String[] {"sweep", file},
                new String[] {"run", file, "--threads", "many"},
                new String[] {"frobnicate"},
                new String[] {"run"},
                new String[] {"tune", file, "--param", "a=0:1"});
        for (String[] args : cases) {
            Cli c = Cli.execute(Fakes.services(), args);
            assertEquals(2, c.exit(), c::toString);
            assertTrue(c.err().startsWith("speedsim: "), c::toString);
            assertFalse(c.err().contains("Usage:"), c::toString);
            assertTrue(c.err().lines().count() <= 3, c::toString);
            String command = args[0].equals("frobnicate") ? "speedsim" : "speedsim " + args[0];
            assertTrue(c.err().strip().endsWith("see '" + command + " --help'"), c::toString);
            assertFalse(c.leaksStackTrace(), c::toString);
            if (List.of(args).contains("--bogus")) {
                assertTrue(c.err().contains("--bogus"), () -> "the unknown option is named: " + c);
            }
        }
    }

    @Test
    void zeroReplicationsOrThreadsIsOneLine() throws IOException {
        String file = scenario().toString();
        for (String option : List.of("--replications", "--threads")) {
            for (String command : List.of("run", "sweep")) {
                List<String> args = new java.util.ArrayList<>(List.of(command, file, option, "0", "--out",
                        tmp.resolve("o").toString()));
                if (command.equals("sweep")) {
                    args.addAll(List.of("--param", "a=1,2"));
                }
                Cli c = Cli.execute(Fakes.services(), args.toArray(String[]::new));
                assertEquals(2, c.exit(), c::toString);
                assertEquals("speedsim: " + option + " must be at least 1: 0\n", c.err(), c::toString);
            }
        }
    }

    @Test
    void debugBeforeTheCommandNameShowsTheStackTraceOfAFailedReplication() throws IOException {
        String file = scenario().toString();
        Services failing = new Services(Fakes.loader(), (config, trace, progress, every) -> {
            throw new IllegalStateException("engine bug");
        }, () -> null);
        Cli before = Cli.execute(failing, "--debug", "run", file, "--out", tmp.resolve("a").toString(),
                "--replications", "1");
        assertEquals(1, before.exit(), before::toString);
        assertTrue(before.err().contains("\tat "), before::toString);
        Cli without = Cli.execute(failing, "run", file, "--out", tmp.resolve("b").toString(), "--replications", "1");
        assertFalse(without.err().contains("\tat "), without::toString);
    }
}
