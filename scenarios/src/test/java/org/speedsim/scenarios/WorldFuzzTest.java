package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random {@code --set} mutations of world-default.yaml (any key of its resolved form set to an awkward value): a
 * world either loads, and then its resolved YAML loads to an equal config, or fails with problems that each fit one
 * line; no mutation reaches the engine's own argument checks ("the engine rejects") or an internal error.
 */
class WorldFuzzTest {

    private static final List<String> VALUES = List.of("-1", "0", "1", "2.5", "1e400", "x", "[]", "{}", "true",
            "99999999999999999999", "2147483648", "100000001", "1/s", "1000000/s", "0s", "1us", "-3min", "36500d",
            "1e30BTT", "0BTT", "1TB", "1B", "never", "{distribution: uniform, min: 2h, max: 1h}",
            "{distribution: uniform, min: 2MiB, max: 1MiB}", "{distribution: uniform, min: 2Mbit/s, max: 1Mbit/s}",
            "{distribution: uniform, min: 2BTT, max: 1BTT}",
            "{distribution: choice, values: [1MiB, 2MiB], weights: [1]}",
            "{distribution: lognormal, median: 1B, sigma: 10}", "{distribution: exponential, mean: 0s}",
            "{distribution: choice, values: [1h], weights: [0]}", "speed", "legacy");

    @TempDir
    Path dir;

    @Test
    void mutatedWorldsLoadOrFailInOneLineEach() throws Exception {
        Path base = WorldScenarioTest.WORLDS.resolve("world-default.yaml");
        LoadedWorld original = (LoadedWorld) ScenarioLoader.loadAny(base, List.of());
        List<Problem> none = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        leaves(new YamlReader().readText(original.resolvedYaml(), "r", none), "", paths);
        assertTrue(paths.size() > 60, paths.toString());
        int loaded = 0;
        int refused = 0;
        for (int seed = 0; seed < 2000; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            List<String> overrides = new ArrayList<>();
            for (int k = rng.nextInt(4) == 0 ? 2 : 1; k > 0; k--) {
                overrides.add("--set " + paths.get(rng.nextInt(paths.size())) + "="
                        + VALUES.get(rng.nextInt(VALUES.size())));
            }
            try {
                Loaded w = ScenarioLoader.loadAny(base, overrides);
                Path resolved = dir.resolve("r" + seed + ".yaml");
                Files.writeString(resolved, w.resolvedYaml());
                assertEquals(((LoadedWorld) w).config().world(),
                        ((LoadedWorld) ScenarioLoader.loadAny(resolved, List.of())).config().world(),
                        overrides.toString());
                loaded++;
            } catch (ScenarioException e) {
                refused++;
                for (Problem p : e.problems()) {
                    String line = p.toString();
                    assertFalse(line.contains("\n"), line);
                    assertFalse(line.contains("internal error") || line.contains("engine rejects")
                            || line.contains("Exception"), overrides + ": " + line);
                }
            }
        }
        assertTrue(loaded >= 40 && refused > 1000, loaded + " loaded, " + refused + " refused");
    }

    private static void leaves(YNode n, String path, List<String> out) {
        if (n instanceof YNode.Map m) {
            for (YNode.Entry e : m.entries()) {
                leaves(e.value(), path.isEmpty() ? e.key() : path + "." + e.key(), out);
            }
        } else if (n instanceof YNode.Seq s) {
            for (int i = 0; i < s.items().size(); i++) {
                leaves(s.items().get(i), path + "[" + i + "]", out);
            }
        } else {
            out.add(path);
        }
        if (!path.isEmpty() && !(n instanceof YNode.Scalar)) {
            out.add(path);
        }
    }
}
