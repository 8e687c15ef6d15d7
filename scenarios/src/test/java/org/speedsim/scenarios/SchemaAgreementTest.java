package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.speedsim.strategies.StrategyRegistry;

/**
 * The generated JSON Schema and the loader agree: catalogue files and resolved scenarios satisfy the schema, and
 * corpus files rejected for a single-value reason (unknown key, wrong type, bad unit, out of range, unknown name)
 * violate it. Checked with a small validator for the subset of JSON Schema the generator emits.
 */
class SchemaAgreementTest {

    private final JsonNode schema = SchemaGenerator.schema(StrategyRegistry.builtIn());

    private static JsonNode json(Path file) throws Exception {
        List<Problem> problems = new ArrayList<>();
        YNode n = new YamlReader().readText(Files.readString(file), file.toString(), problems);
        assertTrue(problems.isEmpty(), problems.toString());
        return SchemaGenerator.json(n);
    }

    @Test
    void catalogueAndResolvedScenariosSatisfyTheSchema() throws Exception {
        for (Path f : CatalogueTest.catalogue()) {
            List<String> errors = new ArrayList<>();
            assertTrue(valid(schema, json(f), "", errors), f + ": " + errors);
            Loaded s = ScenarioLoader.loadAny(f, List.of());
            List<Problem> problems = new ArrayList<>();
            JsonNode resolved = SchemaGenerator.json(new YamlReader().readText(s.resolvedYaml(), "r", problems));
            assertTrue(valid(schema, resolved, "", errors), f + " resolved: " + errors);
        }
    }

    @Test
    void singleValueMistakesViolateTheSchema() throws Exception {
        for (String name : List.of("unknown-key.yaml", "unknown-nested-key.yaml", "wrong-type-duration.yaml",
                "wrong-type-list.yaml", "bad-unit.yaml", "missing-unit.yaml", "negative-size.yaml",
                "negative-seeding-mean.yaml", "share-out-of-range.yaml", "unknown-choking.yaml",
                "unknown-seeding-model.yaml", "seeding-missing-parameter.yaml", "unknown-distribution.yaml",
                "out-of-range-integer.yaml", "unknown-network-model.yaml", "fractional-count.yaml",
                "name-with-space.yaml", "missing-required.yaml", "unknown-arrival-process.yaml",
                "event-without-action.yaml", "bad-rate-unit.yaml", "explicit-bad-time.yaml",
                "speed-key-on-legacy.yaml", "spending-rate-out-of-range.yaml", "unknown-bidding-strategy.yaml",
                "unknown-auction.yaml", "bad-price-unit.yaml", "speed-missing-balance.yaml",
                "unknown-adversary.yaml", "bad-ledger-throughput.yaml")) {
            JsonNode doc = json(MalformedCorpusTest.DIR.resolve(name));
            boolean selfValid = valid(schema, doc, "", new ArrayList<>());
            if (doc.has("extends")) {
                // validate the file as merged over its base, like the loader does
                JsonNode base = json(MalformedCorpusTest.DIR.resolve(doc.get("extends").asText()));
                doc = merge(base, doc);
            }
            assertFalse(valid(schema, doc, "", new ArrayList<>()), name + " satisfies the schema");
            assertFalse(selfValid, name + " satisfies the schema on its own");
        }
    }

    private static JsonNode merge(JsonNode base, JsonNode over) {
        if (!base.isObject() || !over.isObject()) {
            return over;
        }
        for (String d : ScenarioModel.DISCRIMINATORS) {
            if (over.has(d) && !over.get(d).equals(base.get(d))) {
                return over;
            }
        }
        var out = ((com.fasterxml.jackson.databind.node.ObjectNode) base).deepCopy();
        over.fields().forEachRemaining(e -> out.set(e.getKey(),
                out.has(e.getKey()) ? merge(out.get(e.getKey()), e.getValue()) : e.getValue()));
        out.remove("extends");
        return out;
    }

    private boolean valid(JsonNode s, JsonNode v, String at, List<String> errors) {
        return valid(schema, s, v, at, errors);
    }

    /** The subset of draft 2020-12 the generator emits ({@code root} resolves {@code $ref}s). */
    static boolean valid(JsonNode root, JsonNode s, JsonNode v, String at, List<String> errors) {
        if (s.isBoolean()) {
            if (!s.asBoolean()) {
                errors.add(at + ": not allowed here");
            }
            return s.asBoolean();
        }
        if (s.has("$ref")) {
            return valid(root, root.at(s.get("$ref").asText().substring(1)), v, at, errors);
        }
        if (s.has("if")) {
            return valid(root, valid(root, s.get("if"), v, at, new ArrayList<>()) ? s.get("then") : s.get("else"),
                    v, at, errors);
        }
        boolean ok = true;
        if (s.has("type")) {
            String t = s.get("type").asText();
            boolean typeOk = switch (t) {
                case "object" -> v.isObject();
                case "array" -> v.isArray();
                case "string" -> v.isTextual();
                case "boolean" -> v.isBoolean();
                case "integer" -> v.isIntegralNumber();
                case "number" -> v.isNumber();
                default -> false;
            };
            if (!typeOk) {
                errors.add(at + ": not " + t);
                return false;
            }
        }
        if (s.has("const") && !numEq(s.get("const"), v)) {
            errors.add(at + ": not " + s.get("const"));
            return false;
        }
        if (s.has("enum")) {
            boolean any = false;
            for (JsonNode e : s.get("enum")) {
                any |= numEq(e, v);
            }
            if (!any) {
                errors.add(at + ": not in " + s.get("enum"));
                return false;
            }
        }
        if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(v.asText()).find()) {
            errors.add(at + ": does not match " + s.get("pattern"));
            return false;
        }
        if (v.isNumber()) {
            if (s.has("minimum") && v.asDouble() < s.get("minimum").asDouble()
                    || s.has("maximum") && v.asDouble() > s.get("maximum").asDouble()
                    || s.has("exclusiveMinimum") && v.asDouble() <= s.get("exclusiveMinimum").asDouble()) {
                errors.add(at + ": out of range");
                return false;
            }
        }
        if (s.has("required") && v.isObject() && !s.has("properties")) {
            for (JsonNode r : s.get("required")) {
                if (!v.has(r.asText())) {
                    errors.add(at + ": missing " + r.asText());
                    ok = false;
                }
            }
        }
        if (s.has("properties") && v.isObject()) {
            JsonNode props = s.get("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (props.has(e.getKey())) {
                    ok &= valid(root, props.get(e.getKey()), e.getValue(), at + "/" + e.getKey(), errors);
                } else if (s.has("additionalProperties") && !s.get("additionalProperties").asBoolean()) {
                    errors.add(at + ": unknown " + e.getKey());
                    ok = false;
                }
            }
            if (s.has("required")) {
                for (JsonNode r : s.get("required")) {
                    if (!v.has(r.asText())) {
                        errors.add(at + ": missing " + r.asText());
                        ok = false;
                    }
                }
            }
        }
        if (s.has("items") && v.isArray()) {
            if (s.has("minItems") && v.size() < s.get("minItems").asInt()
                    || s.has("maxItems") && v.size() > s.get("maxItems").asInt()) {
                errors.add(at + ": wrong number of items");
                ok = false;
            }
            for (int i = 0; i < v.size(); i++) {
                ok &= valid(root, s.get("items"), v.get(i), at + "[" + i + "]", errors);
            }
        }
        if (s.has("allOf")) {
            for (JsonNode part : s.get("allOf")) {
                ok &= valid(root, part, v, at, errors);
            }
        }
        if (s.has("anyOf")) {
            boolean any = false;
            for (JsonNode alt : s.get("anyOf")) {
                any |= valid(root, alt, v, at, new ArrayList<>());
            }
            if (!any) {
                errors.add(at + ": matches no anyOf");
                ok = false;
            }
        }
        if (s.has("oneOf")) {
            int n = 0;
            for (JsonNode alt : s.get("oneOf")) {
                n += valid(root, alt, v, at, new ArrayList<>()) ? 1 : 0;
            }
            if (n != 1) {
                errors.add(at + ": matches " + n + " of oneOf");
                ok = false;
            }
        }
        return ok;
    }

    private static boolean numEq(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.asDouble() == b.asDouble() : a.equals(b);
    }
}
