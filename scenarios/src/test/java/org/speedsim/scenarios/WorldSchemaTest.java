package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.speedsim.strategies.StrategyRegistry;

/**
 * The JSON Schema covers world documents: {@code kind: world} selects the world shapes, the catalogue worlds and
 * their resolved YAML satisfy it, and world files refused for a single-value reason violate it (checked with
 * {@link SchemaAgreementTest}'s validator of the subset the generator emits).
 */
class WorldSchemaTest {

    private final JsonNode schema = SchemaGenerator.schema(StrategyRegistry.builtIn());

    /**
     * Cases of {@link WorldErrorsTest} whose mistake is in one value, which the schema alone must catch. Not
     * "no decay" and "library review of no time": a zero duration with a unit ({@code 0s}) matches the unit pattern,
     * and positivity is only annotated ({@code x-positive}), for swarms as for worlds.
     */
    private static final List<String> SINGLE_VALUE = List.of("unknown top key", "unknown nested key",
            "swarm key in a world", "swarm arrivals in a world", "count of the wrong type", "fractional count",
            "negative users", "more users than the engine holds", "users of the wrong type",
            "negative initial torrents", "release rate with an unknown unit", "release rate without a unit",
            "release rate that is a duration", "negative request rate", "size with a bandwidth unit",
            "zipf too large", "zipf of the wrong type", "publisher of the wrong type",
            "unknown distribution", "offline that is neither a duration nor never",
            "airdrop with an unknown token unit",
            "airdrop without a unit", "a client balance in a world", "choking on a Speed client", "no clients",
            "library limit negative", "unknown library key", "duration without a unit",
            "too many replications");

    private static JsonNode json(String text) {
        List<Problem> problems = new ArrayList<>();
        YNode n = new YamlReader().readText(text, "t", problems);
        assertTrue(problems.isEmpty(), problems.toString());
        return SchemaGenerator.json(n);
    }

    private boolean valid(JsonNode doc, List<String> errors) {
        return SchemaAgreementTest.valid(schema, schema, doc, "", errors);
    }

    @Test
    void catalogueWorldsAndTheirResolvedYamlSatisfyTheSchema() throws Exception {
        List<Path> files = new ArrayList<>(WorldScenarioTest.worlds());
        assertEquals(2, files.size());
        for (Path f : files) {
            List<String> errors = new ArrayList<>();
            assertTrue(valid(json(Files.readString(f)), errors), f + ": " + errors);
            Loaded w = ScenarioLoader.loadAny(f, List.of());
            assertTrue(valid(json(w.resolvedYaml()), errors), f + " resolved: " + errors);
        }
        List<String> errors = new ArrayList<>();
        assertTrue(valid(json("kind: world\n"), errors), errors.toString());
        assertTrue(valid(json("kind: world\nusers: { offline: never }\n"), errors), errors.toString());
        assertTrue(valid(json("kind: world\nextends: world-default.yaml\nusers: { count: 5 }\n"), errors),
                errors.toString());
    }

    @Test
    void kindPicksTheShape() throws Exception {
        ObjectNode world = (ObjectNode) json(Files.readString(WorldScenarioTest.WORLDS.resolve("world-default.yaml")));
        world.remove("kind");
        assertFalse(valid(world, new ArrayList<>()), "a world without kind is checked as a swarm");
        ObjectNode swarm = (ObjectNode) json(Files.readString(Path.of("default.yaml")));
        List<String> errors = new ArrayList<>();
        assertTrue(valid(swarm, errors), "a file without kind is a swarm: " + errors);
        swarm.put("kind", "swarm");
        assertTrue(valid(swarm, errors), errors.toString());
        swarm.put("kind", "world");
        assertFalse(valid(swarm, new ArrayList<>()), "a swarm with kind: world is checked as a world");
        assertFalse(valid(json("kind: wrld\n"), new ArrayList<>()));
    }

    @Test
    void singleValueMistakesInWorldsViolateTheSchema() {
        int checked = 0;
        for (WorldErrorsTest.Case c : WorldErrorsTest.CASES) {
            if (SINGLE_VALUE.contains(c.name())) {
                assertFalse(valid(json("kind: world\n" + c.text()), new ArrayList<>()), c.name());
                checked++;
            }
        }
        assertEquals(SINGLE_VALUE.size(), checked);
    }
}
