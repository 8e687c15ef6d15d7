package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertTrue(Files.isExecutable(sh), "the launcher is a POSIX shell script: /bin/sh is needed");
        Path script = Files.copy(EndToEndTest.ROOT.resolve("speedsim"), tmp.resolve("speedsim"));
        Process p = new ProcessBuilder(sh.toString(), script.toString(), "--help")
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher finished");
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), text);
        assertTrue(text.contains("not built yet") && text.contains("mvn -B -q package -DskipTests"), text);
        assertTrue(text.contains(tmp.toRealPath().resolve("cli/target/speedsim.jar").toString()), text);
    }

    /**
     * The launcher puts the Spark engine and Spark's jars on the class path only for {@code --engine spark} (a fake
     * {@code java} prints the command it was given), and says how to build them when they are missing.
     */
    @Test
    void sparkJoinsTheClassPathOnlyWhenAskedFor() throws Exception {
        Path sh = Path.of("/bin/sh");
        assertTrue(Files.isExecutable(sh), "the launcher is a POSIX shell script: /bin/sh is needed");
        Path script = Files.copy(EndToEndTest.ROOT.resolve("speedsim"), tmp.resolve("speedsim"));
        Files.createDirectories(tmp.resolve("cli/target"));
        Files.writeString(tmp.resolve("cli/target/speedsim.jar"), "");
        Path java = Files.writeString(tmp.resolve("java"), "#!/bin/sh\necho \"$@\"\n");
        assertTrue(java.toFile().setExecutable(true));

        String plain = launch(sh, script, java, "sweep", "x.yaml", "--threads", "2");
        assertTrue(plain.startsWith("-jar " + tmp.toRealPath().resolve("cli/target/speedsim.jar")), plain);
        assertTrue(!plain.contains("spark") && !plain.contains("add-opens"), plain);

        String missing = launch(sh, script, java, "sweep", "x.yaml", "--engine", "spark");
        assertTrue(missing.contains("--engine spark needs the spark-engine module built"), missing);

        Files.createDirectories(tmp.resolve("spark-engine/target/lib"));
        Files.writeString(tmp.resolve("spark-engine/target/spark-engine-0.1.0-SNAPSHOT.jar"), "");
        for (String[] args : List.of(new String[] {"sweep", "x.yaml", "--engine", "spark", "--master", "local[2]"},
                new String[] {"compare", "x.yaml", "--engine=spark"})) {
            String spark = launch(sh, script, java, args);
            String root = tmp.toRealPath().toString();
            assertTrue(spark.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), spark);
            assertTrue(spark.contains("-cp " + root + "/cli/target/speedsim.jar:" + root
                    + "/spark-engine/target/spark-engine-0.1.0-SNAPSHOT.jar:" + root + "/spark-engine/target/lib/* "
                    + "org.speedsim.cli.SpeedsimCommand " + String.join(" ", args)), spark);
        }
    }

    private static String launch(Path sh, Path script, Path java, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(sh.toString(), script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA", java.toString());
        builder.environment().remove("SPEEDSIM_JAVA_OPTS");
        Process p = builder.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "launcher finished");
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    @Test
    void theScriptRunsTheShadedJar() throws IOException {
        String script = Files.readString(EndToEndTest.ROOT.resolve("speedsim"));
        assertTrue(script.startsWith("#!/bin/sh"), "a POSIX shell script");
        assertTrue(script.contains("cli/target/speedsim.jar") && script.contains("-jar"), script);
        assertTrue(Files.isExecutable(EndToEndTest.ROOT.resolve("speedsim")), "executable");
    }
}
