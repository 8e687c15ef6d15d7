package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.TimedAction;
import org.speedsim.strategies.StrategyRegistry;

class ScenarioLoaderTest {

    static final String BASE = """
            duration: 1h
            file: { size: 4MiB }
            peerClasses:
              - { name: dsl, share: 0.7, upload: 1Mbit/s, download: 8Mbit/s }
              - { name: fibre, share: 0.3, upload: 20Mbit/s, download: 100Mbit/s }
            clients:
              - { name: legacy, share: 0.5, seeding: { model: exponential, mean: 30min } }
              - { name: patient, share: 0.5, seeding: forever }
            arrivals: { process: flash-crowd, peers: 20, decay: 5min }
            protocol: { unchokeSlots: 5 }
            initialSeeds:
              - { count: 1, class: fibre, client: legacy }
            """;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static List<Problem> problems(Path file, String... overrides) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file, List.of(overrides))).problems();
    }

    @Test
    void defaultsAreFilledIn() throws Exception {
        LoadedScenario s = ScenarioLoader.load(write("base.yaml", BASE), List.of());
        SwarmConfig c = s.config();
        assertEquals("base", s.name());
        assertEquals(1, s.replications());
        assertEquals(1, c.seed());
        assertEquals(30_000_000, c.sampleIntervalMicros());
        assertEquals(256 * 1024, c.file().pieceBytes());
        assertEquals(5, c.protocol().unchokeSlots());
        assertEquals(80, c.protocol().maxConnections());
        assertEquals(Long.MAX_VALUE, c.initialSeeds().get(0).leaveAtMicros());
        assertInstanceOf(TitForTatChoker.class, c.client("legacy").choking().create(0));
        assertEquals("rarest-first{}", c.client("legacy").picking().toString());
        assertFalse(c.client("legacy").speed());
        assertTrue(s.resolvedYaml().contains("pieceSize: 256KiB"), s.resolvedYaml());
        assertTrue(s.resolvedYaml().contains("choking: tit-for-tat"), s.resolvedYaml());
    }

    @Test
    void loadingTwiceGivesEqualConfigs() throws Exception {
        Path f = write("base.yaml", BASE);
        assertEquals(ScenarioLoader.load(f, List.of()).config(), ScenarioLoader.load(f, List.of()).config());
        assertNotEquals(ScenarioLoader.load(f, List.of()).config(),
                ScenarioLoader.load(f, List.of("clients[0].seeding.mean=31min")).config());
    }

    @Test
    void extendsDeepMergesMapsAndReplacesLists() throws Exception {
        write("lib/base.yaml", "name: base-name\n" + BASE);
        Path child = write("child.yaml", """
                extends: lib/base.yaml
                file: { pieceSize: 64KiB }
                protocol: { maxConnections: 40 }
                clients:
                  - { name: only, share: 1.0 }
                initialSeeds:
                  - { count: 2, class: dsl, client: only }
                """);
        SwarmConfig c = ScenarioLoader.load(child, List.of()).config();
        assertEquals("child", c.name(), "the base's name is not inherited");
        assertEquals(4L << 20, c.file().sizeBytes());
        assertEquals(64 * 1024, c.file().pieceBytes());
        assertEquals(40, c.protocol().maxConnections());
        assertEquals(5, c.protocol().unchokeSlots());
        assertEquals(1, c.clients().size());
        assertEquals(2, c.peerClasses().size());
        assertEquals(2, c.initialSeeds().get(0).count());
    }

    @Test
    void extendsReplacesAMapWhoseDiscriminatorChanges() throws Exception {
        write("base.yaml", BASE);
        Path child = write("child.yaml", "extends: base.yaml\narrivals: { process: poisson, rate: 30/h }\n");
        ArrivalProcess a = ScenarioLoader.load(child, List.of()).config().arrivals();
        assertEquals(new ArrivalProcess.Poisson(30.0 / 3600, 0, 3_600_000_000L), a);
        Path same = write("same.yaml", "extends: base.yaml\narrivals: { process: flash-crowd, peers: 7 }\n");
        assertEquals(new ArrivalProcess.FlashCrowd(7, 300_000_000, 0),
                ScenarioLoader.load(same, List.of()).config().arrivals());
    }

    @Test
    void setOverridesAreYamlScalarsAppliedAfterExtends() throws Exception {
        write("base.yaml", BASE);
        Path child = write("child.yaml", "extends: base.yaml\nseed: 3\n");
        LoadedScenario s = ScenarioLoader.load(child, List.of("seed=7", "duration=2h", "stopWhenAllComplete=true",
                "clients[0].seeding.mean=5min", "metrics.interval=10s", "name=renamed",
                "peerClasses[0].upload={distribution: uniform, min: 1Mbit/s, max: 2Mbit/s}",
                "events=[{at: 30min, action: remove-seeds, count: all}]"));
        SwarmConfig c = s.config();
        assertEquals(7, c.seed());
        assertEquals("renamed", s.name());
        assertEquals(7_200_000_000L, c.durationMicros());
        assertTrue(c.stopWhenAllComplete());
        assertEquals("exponential{mean=300000000}", c.client("legacy").seeding().toString());
        assertEquals(10_000_000, c.sampleIntervalMicros());
        assertEquals(new Distribution.Uniform(125_000, 250_000), c.peerClass("dsl").uploadBytesPerSecond());
        assertEquals(List.of(new TimedAction.RemoveSeeds(1_800_000_000L, -1)), c.actions());
        // an empty value removes the key: the default applies again
        SwarmConfig unset = ScenarioLoader.load(child, List.of("protocol.unchokeSlots=", "protocol.nothing=")).config();
        assertEquals(4, unset.protocol().unchokeSlots());
    }

    @Test
    void problemsAfterMergingPointAtTheSupplier() throws Exception {
        write("base.yaml", BASE.replace("mean: 30min", "mean: -3min"));
        Path child = write("child.yaml", "extends: base.yaml\nduration: 2h\n");
        List<Problem> p = problems(child);
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).file().endsWith("base.yaml"), p.toString());
        assertEquals(7, p.get(0).line());
        assertEquals("clients[0].seeding.mean", p.get(0).path());
        assertTrue(p.get(0).toString().endsWith("clients[0].seeding.mean: -3min must be positive"), p.toString());

        List<Problem> q = problems(child, "clients[1].seeding={model: exponential, mean: -3min}");
        assertTrue(q.stream().anyMatch(x -> x.toString().equals("--set clients[1].seeding={model: exponential, "
                + "mean: -3min}: clients[1].seeding.mean: -3min must be positive")), q.toString());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws Exception {
        Path f = write("bad.yaml", BASE.replace("duration: 1h", "duration: -1h").replace("4MiB", "4Mb")
                .replace("share: 0.7", "share: 0.2").replace("seeding: forever", "seeding: often"));
        List<Problem> p = problems(f, "protocol.rechokeInterval=0s", "replications=0");
        List<String> paths = p.stream().map(Problem::path).toList();
        // single values first, then the relations between the valid ones (here: the shares)
        assertEquals(List.of("replications", "duration", "file.size", "protocol.rechokeInterval",
                "clients[1].seeding", "peerClasses"), paths, p.toString());
        // a relation is checked only when all its values are valid: no share sum with a broken share
        Path shares = write("shares.yaml", BASE.replace("share: 0.7", "share: 0.2").replace("fibre, share: 0.3",
                "fibre, share: 3, colour: blue"));
        assertEquals(List.of("peerClasses[1].colour", "peerClasses[1].share"),
                problems(shares).stream().map(Problem::path).toList());
        // nor a reference to a list whose names are not all valid
        Path refs = write("refs.yaml", BASE.replace("name: dsl", "name: \"d s l\"").replace("class: fibre",
                "class: dsl"));
        assertEquals(List.of("peerClasses[0].name"), problems(refs).stream().map(Problem::path).toList());
        assertEquals(List.of("peerClasses", "events[0].at", "events[0].client"), problems(shares,
                "peerClasses[1].colour=", "peerClasses[1].share=0.3 ", "peerClasses[0].share=0.3",
                "events=[{at: 2h, action: add-peers, count: 1, client: legacyy}]")
                .stream().map(Problem::path).toList());
    }

    @Test
    void hugeFilesAreRefusedBeforeParsing() throws Exception {
        StringBuilder b = new StringBuilder(BASE).append("# ");
        while (b.length() <= YamlReader.MAX_BYTES) {
            b.append("padding padding padding padding ");
        }
        List<Problem> p = problems(write("huge.yaml", b.toString()));
        assertTrue(p.get(0).message().contains("larger than"), p.toString());
        p = problems(write("longkey.yaml", "k" + "x".repeat(500_000) + ": 1\n"));
        assertFalse(p.isEmpty());
    }

    @Test
    void missingFileIsAProblem() {
        List<Problem> p = problems(dir.resolve("nope.yaml"));
        assertEquals("no such file", p.get(0).message());
        p = problems(dir);
        assertEquals("no such file", p.get(0).message());
    }

    @Test
    void registeringAStrategyMakesItsNameValid() throws Exception {
        Path f = write("custom.yaml", BASE.replace("seeding: forever", "choking: stubborn"));
        assertTrue(problems(f).get(0).message().contains("unknown choking strategy 'stubborn'"));
        StrategyRegistry r = StrategyRegistry.builtIn();
        r.choking().add("stubborn", "never changes its mind", List.of(), a -> TitForTatChoker::new);
        SwarmConfig c = ScenarioLoader.load(f, List.of(), r).config();
        assertEquals("stubborn{}", c.client("patient").choking().toString());
    }

    @Test
    void anchorsAndAliasesWork() throws Exception {
        Path f = write("alias.yaml", BASE.replace("upload: 1Mbit/s", "upload: &up {distribution: fixed, value: 1Mbit/s}")
                .replace("upload: 20Mbit/s", "upload: *up"));
        SwarmConfig c = ScenarioLoader.load(f, List.of()).config();
        assertEquals(c.peerClass("dsl").uploadBytesPerSecond(), c.peerClass("fibre").uploadBytesPerSecond());
    }

    @Test
    void resolvedYamlRoundTripsUnderRandomOverrides() throws Exception {
        Path f = write("base.yaml", BASE);
        SplittableRandom rng = new SplittableRandom(17);
        String[] units = {"s", "min", "h", "ms"};
        for (int i = 0; i < 30; i++) {
            List<String> sets = new ArrayList<>();
            sets.add("seed=" + rng.nextLong());
            sets.add("duration=" + (1 + rng.nextInt(5000)) + units[rng.nextInt(units.length)]);
            sets.add("peerClasses[1].download=" + (1 + rng.nextInt(999)) + ".5KiB/s");
            sets.add("clients[1].seeding=" + (rng.nextBoolean() ? "leave-at-once" : "{model: fixed, time: 0s}"));
            sets.add("arrivals=" + (rng.nextBoolean() ? "none" : "{process: explicit, times: [0s, 1ms, 2s]}"));
            sets.add("name=\"" + (rng.nextBoolean() ? "1e3" : "true") + "\"");
            LoadedScenario s = ScenarioLoader.load(f, sets);
            Path resolved = write("r" + i + ".yaml", s.resolvedYaml());
            LoadedScenario again = ScenarioLoader.load(resolved, List.of());
            assertEquals(s.config(), again.config(), s.resolvedYaml());
            assertEquals(s.resolvedYaml(), again.resolvedYaml());
        }
    }

    @Test
    void mutatedScenariosNeverThrowAnythingElse() throws Exception {
        String text = Files.readString(Path.of("default.yaml"));
        String alphabet = ":-[]{}&*!|>'\"#%@`,?\t\n 0123456789abcxyzµ\u0000\uFFFF";
        SplittableRandom rng = new SplittableRandom(23);
        int loaded = 0;
        for (int i = 0; i < 200; i++) {
            StringBuilder b = new StringBuilder(text);
            int edits = 1 + rng.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = rng.nextInt(b.length());
                switch (rng.nextInt(3)) {
                    case 0 -> b.deleteCharAt(at);
                    case 1 -> b.insert(at, alphabet.charAt(rng.nextInt(alphabet.length())));
                    default -> b.setCharAt(at, alphabet.charAt(rng.nextInt(alphabet.length())));
                }
            }
            Path f = write("m" + i + ".yaml", b.toString());
            try {
                ScenarioLoader.load(f, List.of());
                loaded++;
            } catch (ScenarioException e) {
                assertFalse(e.problems().isEmpty());
            }
        }
        assertTrue(loaded > 0 && loaded < 200, "mutations both break and keep scenarios: " + loaded);
    }
}
