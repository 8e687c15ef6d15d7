package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.speedsim.strategies.StrategyRegistry;

/**
 * The committed {@code scenario.schema.json} must equal what the model generates. To update it after changing the
 * model or the strategy registry, run {@code mvn -B -q -pl scenarios -am test -Dtest=SchemaGeneratorTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dspeedsim.updateSchema=true}.
 */
class SchemaGeneratorTest {

    static final Path SCHEMA = Path.of("scenario.schema.json");

    @Test
    void committedSchemaIsUpToDate() throws Exception {
        String generated = SchemaGenerator.schemaText(StrategyRegistry.builtIn());
        if (Boolean.getBoolean("speedsim.updateSchema")) {
            Files.writeString(SCHEMA, generated, StandardCharsets.UTF_8);
        }
        String committed = Files.exists(SCHEMA) ? Files.readString(SCHEMA, StandardCharsets.UTF_8) : "";
        if (!committed.equals(generated)) {
            String[] a = committed.split("\n", -1);
            String[] b = generated.split("\n", -1);
            int line = 0;
            while (line < Math.min(a.length, b.length) && a[line].equals(b[line])) {
                line++;
            }
            fail("scenarios/scenario.schema.json is out of date with the model (first difference at line "
                    + (line + 1) + ":\n  committed: " + (line < a.length ? a[line].strip() : "<end>")
                    + "\n  generated: " + (line < b.length ? b[line].strip() : "<end>") + ")\nregenerate it with: "
                    + "mvn -B -q -pl scenarios -am test -Dtest=SchemaGeneratorTest "
                    + "-Dsurefire.failIfNoSpecifiedTests=false -Dspeedsim.updateSchema=true");
        }
    }

    @Test
    void generationIsDeterministic() {
        assertEquals(SchemaGenerator.schemaText(StrategyRegistry.builtIn()),
                SchemaGenerator.schemaText(StrategyRegistry.builtIn()));
    }

    @Test
    void schemaDescribesTheModel() {
        JsonNode s = SchemaGenerator.schema(StrategyRegistry.builtIn()).at("/$defs/scenario");
        assertEquals("object", s.get("type").asText());
        assertEquals(false, s.get("additionalProperties").asBoolean());
        List<String> required = new ArrayList<>();
        s.get("required").forEach(n -> required.add(n.asText()));
        assertEquals(List.of("duration", "file", "peerClasses", "clients"), required);
        JsonNode seeding = s.at("/properties/clients/items/properties/seeding");
        assertTrue(seeding.toString().contains("\"exponential\""), seeding.toString());
        assertEquals("leave-at-once", seeding.get("default").asText());
        assertEquals("30s", s.at("/properties/metrics/properties/interval/default").asText());
        assertEquals(80, s.at("/properties/protocol/properties/maxConnections/default").asInt());
        assertEquals(127, s.at("/properties/protocol/properties/maxConnections/maximum").asInt());
    }

    @Test
    void unitPatternsAcceptWhatUnitsAccepts() {
        JsonNode s = SchemaGenerator.schema(StrategyRegistry.builtIn()).at("/$defs/scenario");
        Pattern duration = Pattern.compile(s.at("/properties/duration/anyOf/0/pattern").asText());
        for (String ok : List.of("2h", "30min", "90s", "1.5ms", "3 us", "1e3s")) {
            assertTrue(duration.matcher(ok).find(), ok);
            Units.micros(ok);
        }
        for (String bad : List.of("2 hours", "-3min", "90", "h")) {
            assertTrue(!duration.matcher(bad).find(), bad);
        }
        Pattern bw = Pattern.compile(s.at("/properties/peerClasses/items/properties/upload/oneOf/0/anyOf/0/pattern")
                .asText());
        assertTrue(bw.matcher("8Mbit/s").find());
        assertTrue(!bw.matcher("8Mbps").find());
    }

    @Test
    void everyObjectIsClosedAndDocumented() throws Exception {
        JsonNode s = new ObjectMapper().readTree(SchemaGenerator.schemaText(StrategyRegistry.builtIn()));
        walk(s, "");
    }

    private static void walk(JsonNode n, String at) {
        if (n.isObject()) {
            if (n.has("properties")) {
                assertTrue(n.has("additionalProperties"), at);
                Iterator<String> names = n.get("properties").fieldNames();
                while (names.hasNext()) {
                    String k = names.next();
                    assertTrue(n.get("properties").get(k).hasNonNull("description"), at + "/" + k);
                }
            }
            // allOf holds only the conditions of conditional keys (if/then/else over keys declared above)
            n.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("allOf")) {
                    walk(e.getValue(), at + "/" + e.getKey());
                }
            });
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                walk(n.get(i), at + "/" + i);
            }
        }
    }
}
