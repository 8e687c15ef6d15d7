package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.world.CatalogueConfig;
import org.speedsim.engine.world.ClientShare;
import org.speedsim.engine.world.LibrarySeeding;
import org.speedsim.engine.world.PopulationConfig;
import org.speedsim.engine.world.WorldRunConfig;
import org.speedsim.strategies.NamedStrategy;

/**
 * World scenarios ({@code kind: world}): the catalogue worlds in {@code scenarios/}, the documented defaults,
 * {@code extends} and {@code --set}, and the resolved YAML round trip. Expected values are written out by hand from
 * the files and from scenarios/README.md (microseconds, bytes, micro-BTT, per second).
 */
class WorldScenarioTest {

    /** The catalogue directory (tests run in the scenarios module, where the catalogue files are). */
    static final Path WORLDS = Path.of(".");
    private static final long HOUR = 3_600_000_000L;
    private static final long DAY = 24 * HOUR;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    static List<Path> worlds() throws IOException {
        try (Stream<Path> s = Files.list(WORLDS)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).filter(WorldScenarioTest::isWorld).sorted().toList();
        }
    }

    private static boolean isWorld(Path file) {
        try {
            return Files.readAllLines(file).stream().anyMatch(line -> line.strip().equals("kind: world"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static LoadedWorld world(Path file, String... overrides) throws ScenarioException {
        return assertInstanceOf(LoadedWorld.class, ScenarioLoader.loadAny(file, List.of(overrides)));
    }

    @Test
    void theCatalogueHoldsBothWorlds() throws IOException {
        assertEquals(List.of("long-tail.yaml", "world-default.yaml"),
                worlds().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void worldDefaultIsSmallMixedAndAsWritten() throws Exception {
        LoadedWorld w = world(WORLDS.resolve("world-default.yaml"));
        WorldRunConfig c = w.config();
        assertEquals("world-default", w.name());
        assertEquals(1, w.replications());
        assertEquals(42, c.seed());
        assertEquals(0, c.replication());
        assertEquals(2 * DAY, c.world().horizonMicros());
        assertEquals(10 * 60_000_000L, c.sampleIntervalMicros());
        CatalogueConfig cat = c.world().catalogue();
        assertEquals(40, cat.initialTorrents());
        assertEquals(new Distribution.Uniform(0, 7 * DAY), cat.initialAgeMicros());
        assertEquals(4.0 / 86_400, cat.releasesPerSecond(), 1e-18);
        assertEquals(48, cat.expectedTorrents(c.world().horizonMicros()), 1e-9);
        assertEquals(new Distribution.LogNormal(32 << 20, 0.8), cat.sizeBytes());
        assertEquals(256 * 1024, cat.pieceBytes());
        assertEquals(1.0, cat.zipfExponent());
        assertEquals(2 * DAY, cat.decayMicros());
        assertEquals(new Distribution.Exponential(6 * HOUR), cat.publisherResidenceMicros());
        assertEquals(new PeerClass("publisher", 1, new Distribution.Fixed(1_000_000),
                        new Distribution.Fixed(1_000_000)),
                c.publisher());
        PopulationConfig pop = c.world().population();
        assertEquals(300, pop.users());
        assertEquals(List.of(new ClientShare("legacy", 0.5), new ClientShare("speed", 0.5)), pop.clients());
        assertEquals(List.of("dsl", "fibre"), pop.classes().stream().map(PeerClass::name).toList());
        assertEquals(new Distribution.Fixed(125_000), pop.classes().get(0).uploadBytesPerSecond());
        assertEquals(new Distribution.Uniform(0, 12 * HOUR), pop.firstArrivalMicros());
        assertEquals(new Distribution.Exponential(3 * HOUR), pop.onlineMicros());
        assertEquals(new Distribution.Exponential(9 * HOUR), pop.offlineMicros());
        assertEquals(0.25, pop.onlineFraction(), 1e-12);
        assertEquals(1.0 / 3600, pop.requestsPerSecond(), 1e-18);
        assertEquals(new Distribution.Exponential(HOUR), pop.patienceMicros());
        assertEquals(new Distribution.Uniform(1_000_000, 10_000_000), pop.airdropMicroBtt());
        assertEquals(List.of("legacy", "speed"), c.clients().stream().map(ClientSpec::name).toList());
        ClientSpec speed = c.clients().get(1);
        assertTrue(speed.speed());
        assertEquals(pop.airdropMicroBtt(), speed.speedSettings().balanceMicroBtt());
        assertEquals("earnings-aware", ((NamedStrategy) speed.seeding()).name());
        assertFalse(c.clients().get(0).speed());
        assertTrue(c.hasSpeed());
        assertNotNull(c.speed());
        assertEquals(new LibrarySeeding(5, 30 * 60_000_000L), c.seeding());
        assertEquals("max-min", c.networkModel());
    }

    @Test
    void longTailIsAllLegacyWithAFlippableSpeedShareAndReturningUsers() throws Exception {
        WorldRunConfig c = world(WORLDS.resolve("long-tail.yaml")).config();
        assertEquals(List.of(new ClientShare("legacy", 1), new ClientShare("speed", 0)),
                c.world().population().clients());
        assertTrue(c.world().population().returns());
        assertEquals(1.0, c.world().catalogue().zipfExponent());
        assertEquals(400 + 20 * 7, c.world().catalogue().expectedTorrents(c.world().horizonMicros()), 1e-9);
        assertEquals(2000, c.world().population().users());
        WorldRunConfig flipped = world(WORLDS.resolve("long-tail.yaml"), "--vary clients[0].share=0",
                "--vary clients[1].share=1").config();
        assertEquals(List.of(new ClientShare("legacy", 0), new ClientShare("speed", 1)),
                flipped.world().population().clients());
        // the variant changes the client mix and nothing else
        assertEquals(c.world().population().withClients(flipped.world().population().clients()),
                flipped.world().population());
        assertEquals(c.world().catalogue(), flipped.world().catalogue());
    }

    @Test
    void kindWorldAloneIsASmallWorldWithTheDocumentedDefaults() throws Exception {
        LoadedWorld w = world(write("tiny.yaml", "kind: world\n"));
        WorldRunConfig c = w.config();
        assertEquals("tiny", w.name());
        assertEquals(1, c.seed());
        assertEquals(DAY, c.world().horizonMicros());
        assertEquals(10 * 60_000_000L, c.sampleIntervalMicros());
        CatalogueConfig cat = c.world().catalogue();
        assertEquals(new CatalogueConfig(20, new Distribution.Uniform(0, 7 * DAY), 4.0 / 86_400,
                new Distribution.LogNormal(64 << 20, 1), 256 * 1024, 1, 2 * DAY,
                new Distribution.Exponential(12 * HOUR)), cat);
        PopulationConfig pop = c.world().population();
        assertEquals(new PopulationConfig(100, List.of(new PeerClass("household", 1, new Distribution.Fixed(250_000),
                        new Distribution.Fixed(2_000_000))), List.of(new ClientShare("legacy", 1)),
                new Distribution.Uniform(0, 6 * HOUR), new Distribution.Exponential(2 * HOUR), null, 1.0 / 3600,
                new Distribution.Exponential(30 * 60_000_000L), new Distribution.Fixed(10_000_000)), pop);
        assertFalse(pop.returns());
        assertEquals("exponential{mean=1800000000}", c.clients().get(0).seeding().toString());
        assertFalse(c.hasSpeed());
        assertNull(c.speed());
        assertEquals(LibrarySeeding.DEFAULT, c.seeding());
        assertEquals(new PeerClass("publisher", 1, new Distribution.Fixed(1_000_000),
                        new Distribution.Fixed(1_000_000)),
                c.publisher());
    }

    @Test
    void theReadmeShowsEveryWorldDefault() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int section = readme.indexOf("## Worlds (`kind: world`)");
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        assertTrue(section > 0 && block.startsWith("kind: world\n"), block);
        WorldRunConfig documented = world(write("README-block.yaml", block)).config();
        WorldRunConfig defaults = world(write("my-world.yaml", "kind: world\n")).config();
        assertEquals(defaults, documented);
        for (String key : List.of("initialTorrents", "initialAge", "releases", "size", "pieceSize", "zipf", "decay",
                "residence", "upload", "download", "count", "firstArrival", "online", "offline", "requests",
                "patience", "airdrop", "maxAtOnce", "review", "interval")) {
            assertTrue(block.contains(key + ":"), key);
        }
    }

    @Test
    void resolvedYamlRoundTripsToTheSameConfig() throws Exception {
        Path tiny = write("tiny.yaml", "kind: world\n");
        Path child = write("child.yaml", "extends: " + WORLDS.resolve("world-default.yaml").toAbsolutePath() + "\n"
                + "users: { count: 50, offline: never }\n");
        record Load(Path file, List<String> overrides) {
        }
        List<Load> loads = new java.util.ArrayList<>();
        for (Path f : worlds()) {
            loads.add(new Load(f, List.of()));
        }
        loads.add(new Load(tiny, List.of()));
        loads.add(new Load(child, List.of("--set seed=-5", "--set catalogue.releases=0.5/h",
                "--set users.airdrop={distribution: lognormal, median: 2BTT, sigma: 0.5}")));
        for (Load l : loads) {
            LoadedWorld w = world(l.file(), l.overrides().toArray(String[]::new));
            Path resolved = write(w.name() + "-resolved.yaml", w.resolvedYaml());
            LoadedWorld again = world(resolved);
            assertEquals(w.config().world(), again.config().world(), l.toString());
            assertEquals(w.config().seed(), again.config().seed(), l.toString());
            assertEquals(w.config().clients(), again.config().clients(), l.toString());
            assertEquals(w.config(), again.config(), l + "\n" + w.resolvedYaml());
            assertEquals(w.replications(), again.replications());
            assertEquals(w.resolvedYaml(), again.resolvedYaml());
            assertTrue(w.resolvedYaml().startsWith(ScenarioLoader.RESOLVED_HEADER + "kind: world\n"), w.resolvedYaml());
        }
    }

    @Test
    void extendsAndSetWorkOnWorlds() throws Exception {
        Path child = write("child.yaml", "extends: " + WORLDS.resolve("world-default.yaml").toAbsolutePath() + "\n"
                + "users: { count: 50 }\ncatalogue: { publisher: { upload: 20Mbit/s } }\n");
        WorldRunConfig base = world(WORLDS.resolve("world-default.yaml")).config();
        LoadedWorld w = world(child, "--set users.offline=never", "--set catalogue.releases=0",
                "--set clients[1].share=0.25", "--set clients[0].share=0.75", "--set librarySeeding.maxAtOnce=0");
        WorldRunConfig c = w.config();
        assertEquals("child", w.name());
        assertEquals(50, c.world().population().users());
        assertNull(c.world().population().offlineMicros());
        assertEquals(base.world().population().onlineMicros(), c.world().population().onlineMicros());
        assertEquals(0, c.world().catalogue().releasesPerSecond());
        assertEquals(new Distribution.Fixed(2_500_000), c.publisher().uploadBytesPerSecond());
        assertEquals(base.publisher().downloadBytesPerSecond(), c.publisher().downloadBytesPerSecond());
        assertEquals(List.of(new ClientShare("legacy", 0.75), new ClientShare("speed", 0.25)),
                c.world().population().clients());
        assertEquals(0.25, c.clients().get(1).share());
        assertEquals(new LibrarySeeding(0, 30 * 60_000_000L), c.seeding());
        // --set path= removes a key: its default applies
        WorldRunConfig cleared = world(WORLDS.resolve("world-default.yaml"), "--set users.offline=",
                "--set catalogue.zipf=").config();
        assertNull(cleared.world().population().offlineMicros());
        assertEquals(1.0, cleared.world().catalogue().zipfExponent());
        assertEquals(2.0 / 86_400, world(tinyFile(), "--set catalogue.releases=2/day").config().world().catalogue()
                .releasesPerSecond(), 1e-18);
        assertEquals(14.0 / 604_800, world(tinyFile(), "--set catalogue.releases=14/week").config().world()
                .catalogue().releasesPerSecond(), 1e-18);
    }

    private Path tinyFile() throws IOException {
        return write("tiny.yaml", "kind: world\n");
    }

    @Test
    void aWorldInheritsItsKindAndMayNotExtendASwarm() throws Exception {
        Path base = write("base.yaml", "kind: world\nusers: { count: 7 }\n");
        assertEquals(7, world(write("noKind.yaml", "extends: base.yaml\nseed: 3\n")).config().world().population()
                .users());
        Path swarm = Path.of("default.yaml").toAbsolutePath();
        Path bad = write("bad.yaml", "kind: world\nextends: " + swarm + "\n");
        List<Problem> problems = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.loadAny(bad, List.of())).problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("kind", problems.get(0).path());
        assertEquals(1, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("a world scenario cannot extend"), problems.toString());
        assertTrue(base.toFile().exists());
    }

    @Test
    void loadAnyGivesSwarmsAsLoadAndLoadRefusesWorldsInOneLine() throws Exception {
        Path swarm = Path.of("default.yaml");
        Loaded any = ScenarioLoader.loadAny(swarm, List.of());
        LoadedScenario s = assertInstanceOf(LoadedScenario.class, any);
        assertEquals(ScenarioLoader.load(swarm, List.of()), s);
        Path explicit = write("default.yaml", "kind: swarm\n" + Files.readString(swarm));
        assertEquals(ScenarioLoader.load(swarm, List.of()).config(), ScenarioLoader.load(explicit, List.of()).config());
        Path w = WORLDS.resolve("long-tail.yaml");
        List<Problem> problems = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(w, List.of()))
                .problems();
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals("kind", p.path());
        assertEquals(lineOf(w, "kind: world"), p.line());
        assertTrue(p.toString().startsWith(w + ":" + p.line() + ":"), p.toString());
        assertTrue(p.message().contains("is a world scenario;"), p.toString());
        assertFalse(p.toString().contains("\n"));
    }

    static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
