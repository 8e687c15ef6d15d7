package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code speedsim} launcher script at the repository root. */
class LauncherTest {

    @TempDir
    Path tmp;

    @Test
    void explainsHowToBuildWhenTheJarIsMissing() throws Exception {
        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh), "needs a POSIX shell");
        Path script = Files.copy(EndToEndTest.ROOT.resolve("speedsim"), tmp.resolve("speedsim"));
        Process p = new ProcessBuilder(sh.toString(), script.toString(), "--help")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher finished");
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), text);
        assertTrue(text.contains("not built yet") && text.contains("mvn -B -q package -DskipTests"), text);
        assertTrue(text.contains(tmp.toRealPath().resolve("cli/target/speedsim.jar").toString()), text);
    }

    @Test
    void theScriptRunsTheShadedJar() throws IOException {
        String script = Files.readString(EndToEndTest.ROOT.resolve("speedsim"));
        assertTrue(script.startsWith("#!/bin/sh"), "a POSIX shell script");
        assertTrue(script.contains("cli/target/speedsim.jar") && script.contains("-jar"), script);
        assertTrue(Files.isExecutable(EndToEndTest.ROOT.resolve("speedsim")), "executable");
    }
}
