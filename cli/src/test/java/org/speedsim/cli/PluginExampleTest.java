package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plug-in example of the README, end to end: {@code examples/plugin-bidding} is built with Maven (offline, into a
 * copy, against this build's jars), and the jar it makes is found with {@code --plugins} and beside a scenario,
 * validated like a built-in (a bad parameter: exit 2 naming file, line and field), listed in the JSON Schema, and
 * run; its strategy re-implements the built-in {@code shader}, so the results must equal those of {@code shader}
 * byte for byte (and differ from {@code auto}, so that the bid matters here). Broken plug-ins give one line, exit 2.
 *
 * <p>Needs the jars of {@code mvn package}: the cli build runs it in the integration-test phase of {@code verify}
 * (as CI does), after every jar is built.
 */
class PluginExampleTest {

    private static final Path ROOT = EndToEndTest.ROOT;
    private static final Path EXAMPLE = ROOT.resolve("examples/plugin-bidding");
    private static final String VERSION = "0.1.0-SNAPSHOT";

    @TempDir
    static Path tmp;

    private static Path project;
    private static Path target;

    @BeforeAll
    static void buildTheExample() throws Exception {
        assertTrue(Files.isRegularFile(ROOT.resolve("sim-engine/target/sim-engine-" + VERSION + "-tests.jar"))
                        && Files.isRegularFile(ROOT.resolve("strategies/target/strategies-" + VERSION + ".jar")),
                "the API jars are missing: this test runs in the integration-test phase, after mvn package");
        project = tmp.resolve("plugin-bidding");
        copyTree(EXAMPLE, project);
        Process mvn = new ProcessBuilder("mvn", "-B", "-o", "-q", "-f", project.toString(), "package",
                "-Dspeedsim.home=" + ROOT).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("mvn.log").toFile()).start();
        assertTrue(mvn.waitFor(10, TimeUnit.MINUTES), "mvn package of the example timed out");
        assertEquals(0, mvn.exitValue(), () -> "mvn package of the example failed:\n" + read(tmp.resolve("mvn.log")));
        target = project.resolve("target");
        assertTrue(Files.isRegularFile(target.resolve("plugin-bidding-1.0.jar")));
    }

    @Test
    void discoveredValidatedRunAndEqualToTheBuiltIn() throws IOException {
        Path plugged = scenario("plugged.yaml", "example-shader");
        Cli run = Cli.execute(Services.standard(), "run", plugged.toString(), "--plugins", target.toString(),
                "--out", tmp.resolve("plugged").toString(), "--quiet");
        assertEquals(0, run.exit(), run.toString());
        Cli builtIn = Cli.execute(Services.standard(), "run", scenario("builtin.yaml", "shader").toString(),
                "--out", tmp.resolve("builtin").toString(), "--quiet");
        assertEquals(0, builtIn.exit(), builtIn.toString());
        Cli auto = Cli.execute(Services.standard(), "run", scenario("auto.yaml", "auto").toString(),
                "--out", tmp.resolve("auto").toString(), "--quiet");
        assertEquals(0, auto.exit(), auto.toString());
        List<String> results = List.of("runs.csv", "peers.csv", "0/peers.csv", "0/timeseries.csv", "1/peers.csv",
                "1/timeseries.csv");
        for (String f : results) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("builtin/shaded-bid").resolve(f)),
                    Files.readAllBytes(tmp.resolve("plugged/shaded-bid").resolve(f)), f);
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("auto/shaded-bid/peers.csv")),
                Files.readAllBytes(tmp.resolve("plugged/shaded-bid/peers.csv"))), "shading changes the run");

        Cli schema = Cli.execute(Services.standard(), "validate", "--schema", "--plugins", target.toString());
        assertEquals(0, schema.exit(), schema.toString());
        assertTrue(schema.out().contains("\"example-shader\"") && schema.out().contains("shading factor in [0, 1]"),
                "the schema lists the plug-in and its parameters");
        assertFalse(Cli.execute(Services.standard(), "validate", "--schema").out().contains("example-shader"));
    }

    @Test
    void aBadParameterIsRefusedLikeABuiltInsNamingFileLineAndField() throws IOException {
        Path bad = scenario("bad.yaml", "example-shader");
        Files.writeString(bad, Files.readString(bad).replace("factor: 0.5", "factor: 1.5"));
        Cli v = Cli.execute(Services.standard(), "validate", bad.toString(), "--plugins", target.toString());
        assertEquals(2, v.exit(), v.toString());
        int line = lineOf(bad, "factor: 1.5");
        assertTrue(v.err().contains(bad + ":" + line + ":") && v.err().contains("clients[1].bidding.factor")
                && v.err().contains("1.5"), v.toString());
        assertFalse(v.leaksStackTrace(), v.toString());
    }

    @Test
    void aMissingPlugInIsAnUnknownName() throws IOException {
        Cli v = Cli.execute(Services.standard(), "run", scenario("missing.yaml", "example-shader").toString(),
                "--out", tmp.resolve("missing").toString());
        assertEquals(2, v.exit(), v.toString());
        assertTrue(v.err().contains("clients[1].bidding.strategy") && v.err().contains("'example-shader'"), v.toString());
        assertFalse(v.leaksStackTrace(), v.toString());
    }

    @Test
    void aPluginsFolderBesideTheScenarioIsSearched() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("beside"));
        Files.createDirectories(dir.resolve("plugins"));
        Files.copy(target.resolve("plugin-bidding-1.0.jar"), dir.resolve("plugins/plugin-bidding-1.0.jar"));
        Path s = dir.resolve("s.yaml");
        Files.copy(scenario("beside.yaml", "example-shader"), s);
        Cli v = Cli.execute(Services.standard(), "validate", s.toString());
        assertEquals(0, v.exit(), v.toString());
    }

    @Test
    void twoProvidersOfOneNameClash() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("twice"));
        Files.copy(target.resolve("plugin-bidding-1.0.jar"), dir.resolve("a.jar"));
        Files.copy(target.resolve("plugin-bidding-1.0.jar"), dir.resolve("b.jar"));
        Cli v = Cli.execute(Services.standard(), "validate", scenario("twice.yaml", "example-shader").toString(),
                "--plugins", dir.toString());
        assertEquals(2, v.exit(), v.toString());
        assertTrue(v.err().contains("is provided twice") && v.err().contains("a.jar") && v.err().contains("b.jar"),
                v.toString());
        assertEquals(1, v.err().strip().lines().count(), v.toString());

        // another class under the example's name, and one under a built-in's name
        Path clash = Files.createDirectories(tmp.resolve("clash"));
        Files.copy(target.resolve("plugin-bidding-1.0.jar"), clash.resolve("a.jar"));
        compiledPlugin(clash.resolve("c.jar"), "SameName", "example-shader");
        Cli c = Cli.execute(Services.standard(), "validate", scenario("clash.yaml", "example-shader").toString(),
                "--plugins", clash.toString());
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("bidding strategy 'example-shader' is provided twice: by " + clash.resolve("a.jar")
                + " and by " + clash.resolve("c.jar")), c.toString());
        Path shadow = Files.createDirectories(tmp.resolve("shadow"));
        compiledPlugin(shadow.resolve("s.jar"), "Shadow", "shader");
        Cli s = Cli.execute(Services.standard(), "validate", scenario("shadow.yaml", "shader").toString(),
                "--plugins", shadow.toString());
        assertEquals(2, s.exit(), s.toString());
        assertTrue(s.err().contains("bidding strategy 'shader' is provided twice: by built-in and by "
                + shadow.resolve("s.jar")), s.toString());
        assertEquals(1, s.err().strip().lines().count(), s.toString());
    }

    /** A jar of one plug-in class {@code simpleName} that registers a fixed bid under {@code name}. */
    private static void compiledPlugin(Path jar, String simpleName, String name) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src-" + simpleName + "/org/example/speedsim"));
        Files.writeString(src.resolve(simpleName + ".java"), """
                package org.example.speedsim;
                public final class %s implements org.speedsim.strategies.StrategyPlugin<
                        org.speedsim.engine.speed.bidding.BiddingStrategy.Factory> {
                    public Class<org.speedsim.engine.speed.bidding.BiddingStrategy.Factory> kind() {
                        return org.speedsim.engine.speed.bidding.BiddingStrategy.Factory.class;
                    }
                    public String name() { return "%s"; }
                    public String description() { return "a clash"; }
                    public org.speedsim.engine.speed.bidding.BiddingStrategy.Factory create(
                            org.speedsim.strategies.StrategyArgs args) {
                        return (peer, rng) -> ctx -> 0;
                    }
                }
                """.formatted(simpleName, name));
        Path classes = Files.createDirectories(tmp.resolve("classes-" + simpleName));
        int rc = javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.resolve(simpleName + ".java").toString());
        assertEquals(0, rc, "compiling " + simpleName);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("META-INF/services/org.speedsim.strategies.StrategyPlugin"));
            j.write(("org.example.speedsim." + simpleName + "\n").getBytes(StandardCharsets.UTF_8));
            j.putNextEntry(new JarEntry("org/example/speedsim/" + simpleName + ".class"));
            j.write(Files.readAllBytes(classes.resolve("org/example/speedsim/" + simpleName + ".class")));
        }
    }

    /** A jar whose services file names a class it lacks, and one whose plug-in lacks the class it builds. */
    @Test
    void aJarWhoseClassFailsToLoadGivesOneLine() throws IOException {
        Path missing = Files.createDirectories(tmp.resolve("missing-class"));
        jar(missing.resolve("broken.jar"), "org.example.speedsim.NoSuchPlugin", List.of());
        Cli v = Cli.execute(Services.standard(), "validate", scenario("broken1.yaml", "example-shader").toString(),
                "--plugins", missing.toString());
        assertEquals(2, v.exit(), v.toString());
        assertTrue(v.err().contains("broken.jar") && v.err().contains("org.example.speedsim.NoSuchPlugin")
                && v.err().contains("fails to load"), v.toString());
        assertEquals(1, v.err().strip().lines().count(), v.toString());
        assertFalse(v.leaksStackTrace(), v.toString());

        Path half = Files.createDirectories(tmp.resolve("half"));
        jar(half.resolve("half.jar"), "org.example.speedsim.ShadedBidPlugin",
                List.of("org/example/speedsim/ShadedBidPlugin.class"));
        Cli h = Cli.execute(Services.standard(), "run", scenario("broken2.yaml", "example-shader").toString(),
                "--plugins", half.toString(), "--out", tmp.resolve("half-out").toString());
        assertEquals(2, h.exit(), h.toString());
        assertTrue(h.err().contains("half.jar") && h.err().contains("NoClassDefFoundError")
                && h.err().contains("org/example/speedsim/ShadedBid"), h.toString());
        assertFalse(h.leaksStackTrace(), h.toString());
    }

    /** The example's scenario with {@code strategy} as the Speed clients' bidding, extending the catalogue's file. */
    private static Path scenario(String name, String strategy) throws IOException {
        String text = Files.readString(EXAMPLE.resolve("shaded-bid.yaml"))
                .replace("extends: ../../scenarios/", "extends: " + ROOT.resolve("scenarios") + "/")
                .replace("strategy: example-shader", "strategy: " + strategy);
        if (strategy.equals("auto")) {
            text = text.replace("factor: 0.5, ", "");
        }
        Path f = tmp.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static void jar(Path jar, String provider, List<String> classes) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry("META-INF/services/org.speedsim.strategies.StrategyPlugin"));
            j.write((provider + "\n").getBytes(StandardCharsets.UTF_8));
            for (String c : classes) {
                j.putNextEntry(new JarEntry(c));
                j.write(Files.readAllBytes(project.resolve("target/classes").resolve(c)));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(from)) {
            s.filter(p -> !from.relativize(p).startsWith("target")).forEach(all::add);
        }
        for (Path p : all) {
            Path dest = to.resolve(from.relativize(p).toString());
            if (Files.isDirectory(p)) {
                Files.createDirectories(dest);
            } else {
                Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
