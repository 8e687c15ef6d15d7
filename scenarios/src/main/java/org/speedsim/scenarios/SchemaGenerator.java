package org.speedsim.scenarios;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.speedsim.strategies.StrategyRegistry;

/**
 * Generates the JSON Schema (draft 2020-12) of the scenario format from {@link ScenarioModel} and of the world format
 * from {@link WorldModel} (chosen by {@code kind: world}), the same descriptions the validator uses. The committed
 * copy is {@code scenarios/scenario.schema.json}; regenerate it with
 * {@code mvn -pl scenarios -am test -Dtest=SchemaGeneratorTest -Dspeedsim.updateSchema=true} or by running this
 * class's {@code main} with the output path.
 *
 * <p>Invariant: the output is a deterministic function of the model and the strategy registry (byte-identical
 * across runs).
 */
public final class SchemaGenerator {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private SchemaGenerator() {
    }

    /** Writes the schema of the built-in strategies to {@code args[0]} (default {@code scenario.schema.json}). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "scenario.schema.json");
        Files.writeString(out, schemaText(StrategyRegistry.builtIn()), StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** The schema as pretty-printed JSON text ending in a newline. */
    public static String schemaText(StrategyRegistry registry) {
        try {
            DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return new ObjectMapper().writer(pp).writeValueAsString(schema(registry)) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schema as a JSON tree. */
    public static ObjectNode schema(StrategyRegistry registry) {
        ObjectNode root = F.objectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", "https://speedsim.org/scenario.schema.json");
        root.put("title", "speedsim scenario");
        Spec.ObjectSpec model = new ScenarioModel(registry).root();
        Spec.ObjectSpec world = new WorldModel(registry).root();
        root.put("description", model.description() + " With 'kind: world': " + world.description()
                + " A file with 'extends' may leave out anything its base supplies (a world file states its kind).");
        root.putObject("if").putArray("required").add("extends");
        byKind(root.putObject("then"), "#/$defs/partialWorld", "#/$defs/partialScenario");
        byKind(root.putObject("else"), "#/$defs/world", "#/$defs/scenario");
        ObjectNode defs = root.putObject("$defs");
        defs.set("scenario", node(model, false));
        defs.set("partialScenario", node(model, true));
        defs.set("world", node(world, false));
        defs.set("partialWorld", node(world, true));
        return root;
    }

    /** {@code kind: world} picks {@code world}, anything else {@code swarm} (as an allOf entry, like conditions). */
    private static void byKind(ObjectNode n, String world, String swarm) {
        ObjectNode rule = n.putArray("allOf").addObject();
        ObjectNode isWorld = rule.putObject("if");
        isWorld.putObject("properties").putObject("kind").put("const", ScenarioModel.KIND_WORLD);
        isWorld.putArray("required").add("kind");
        rule.putObject("then").put("$ref", world);
        rule.putObject("else").put("$ref", swarm);
    }

    /**
     * The schema of one spec; {@code partial} for maps an extending file may give in part (deep-merged maps: no
     * key required, a shape's keys possibly without its discriminator). List items are always whole.
     */
    static ObjectNode node(Spec spec, boolean partial) {
        if (spec instanceof Spec.ObjectSpec o) {
            return object(o, partial);
        }
        if (spec instanceof Spec.ListSpec l) {
            ObjectNode n = F.objectNode();
            n.put("description", l.description());
            n.put("type", "array");
            n.set("items", node(l.items(), false));
            if (l.minItems() > 0) {
                n.put("minItems", l.minItems());
            }
            n.put("maxItems", l.maxItems());
            return n;
        }
        if (spec instanceof Spec.ScalarSpec s) {
            return scalar(s);
        }
        Spec.OneOfSpec u = (Spec.OneOfSpec) spec;
        ObjectNode n = F.objectNode();
        n.put("description", u.description());
        ArrayNode one = n.putArray(partial ? "anyOf" : "oneOf");
        if (u.scalarForm() != null) {
            if (u.scalarNamesVariant()) {
                List<String> bare = new ArrayList<>();
                for (Map.Entry<String, Spec.ObjectSpec> e : u.variants().entrySet()) {
                    if (e.getValue().fields().stream()
                            .filter(f -> !f.name().equals(u.discriminator())).noneMatch(Spec.Field::required)) {
                        bare.add(e.getKey());
                    }
                }
                ObjectNode names = F.objectNode();
                names.put("description", u.label() + " without parameters");
                ArrayNode en = names.putArray("enum");
                bare.forEach(en::add);
                one.add(names);
            } else {
                one.add(scalar(u.scalarForm()));
            }
        }
        for (Spec.ObjectSpec v : u.variants().values()) {
            one.add(object(v, partial));
        }
        return n;
    }

    private static ObjectNode object(Spec.ObjectSpec o, boolean partial) {
        ObjectNode n = F.objectNode();
        n.put("description", o.description());
        n.put("type", "object");
        ObjectNode props = n.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (Spec.Field f : o.fields()) {
            ObjectNode p = node(f.spec(), partial);
            if (f.description() != null) {
                p.put("description", f.description() + (f.onlyIf() == null ? ""
                        : " (only for " + f.onlyIf().key() + ": " + f.onlyIf().value() + ")"));
            }
            if (f.defaultYaml() != null) {
                p.set("default", json(new YamlReader().readText(f.defaultYaml(), YamlReader.DEFAULT_ORIGIN,
                        new ArrayList<>())));
            }
            props.set(f.name(), p);
            if (f.required() && f.onlyIf() == null) {
                required.add(f.name());
            }
        }
        if (!required.isEmpty() && !partial) {
            n.set("required", required);
        }
        conditions(o, n, partial);
        n.put("additionalProperties", false);
        return n;
    }

    /**
     * For each condition of conditional fields, an {@code allOf} entry: if the sibling key has the value (given, or
     * absent when that is its default) the fields' required ones are required, else the fields are forbidden.
     */
    private static void conditions(Spec.ObjectSpec o, ObjectNode n, boolean partial) {
        java.util.Map<Spec.Condition, List<Spec.Field>> byCondition = new java.util.LinkedHashMap<>();
        for (Spec.Field f : o.fields()) {
            if (f.onlyIf() != null) {
                byCondition.computeIfAbsent(f.onlyIf(), c -> new ArrayList<>()).add(f);
            }
        }
        if (byCondition.isEmpty()) {
            return;
        }
        ArrayNode all = n.putArray("allOf");
        byCondition.forEach((c, fields) -> {
            ObjectNode rule = all.addObject();
            ObjectNode cond = rule.putObject("if");
            cond.putObject("properties").putObject(c.key()).put("const", c.value());
            Spec.Field sibling = o.field(c.key());
            if (sibling == null || !c.value().equals(sibling.defaultYaml())) {
                cond.putArray("required").add(c.key());
            }
            ObjectNode then = rule.putObject("then");
            if (!partial) {
                ArrayNode req = F.arrayNode();
                fields.stream().filter(Spec.Field::required).forEach(f -> req.add(f.name()));
                if (!req.isEmpty()) {
                    then.set("required", req);
                }
            }
            ObjectNode forbidden = rule.putObject("else").putObject("properties");
            fields.forEach(f -> forbidden.put(f.name(), false));
        });
    }

    private static ObjectNode scalar(Spec.ScalarSpec s) {
        ObjectNode n = F.objectNode();
        n.put("description", s.description());
        switch (s.type()) {
            case STRING -> n.put("type", "string");
            case NAME -> {
                n.put("type", "string");
                n.put("pattern", "^[A-Za-z0-9_.-]{1,64}$");
            }
            case BOOLEAN -> n.put("type", "boolean");
            case CHOICE -> {
                if (s.choices().size() == 1) {
                    n.put("const", s.choices().get(0));
                } else {
                    ArrayNode en = n.putArray("enum");
                    s.choices().forEach(en::add);
                }
            }
            case INTEGER, NUMBER -> {
                n.put("type", s.type() == Spec.ScalarType.INTEGER ? "integer" : "number");
                range(n, s);
            }
            case COUNT_OR_ALL -> {
                ArrayNode any = n.putArray("anyOf");
                ObjectNode i = any.addObject();
                i.put("type", "integer");
                range(i, s);
                any.addObject().put("const", "all");
            }
            default -> {
                Units.Kind kind = s.type().unitKind();
                List<String> units = new ArrayList<>(kind.units());
                String sign = s.min() >= 0 ? "\\+?" : "[-+]?";
                ArrayNode any = n.putArray("anyOf");
                ObjectNode str = any.addObject();
                str.put("type", "string");
                str.put("pattern", "^" + sign + "(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)? ?("
                        + String.join("|", units) + ")$");
                if (!(s.minExclusive() && s.min() == 0)) {
                    any.addObject().put("const", 0);
                }
                if (s.type() == Spec.ScalarType.RATE_OR_UNLIMITED) {
                    any.addObject().put("const", "unlimited");
                }
                if (s.type() == Spec.ScalarType.DURATION_OR_NEVER) {
                    any.addObject().put("const", Spec.ScalarSpec.NEVER);
                }
                n.put("x-unit", kind.baseUnit());
            }
        }
        if (s.type().unitKind() != null && s.min() == 0) {
            n.put("x-positive", s.minExclusive());
        }
        return n;
    }

    private static void range(ObjectNode n, Spec.ScalarSpec s) {
        if (Double.isFinite(s.min()) && s.min() > Long.MIN_VALUE) {
            if (s.minExclusive()) {
                n.set("exclusiveMinimum", number(s.min()));
            } else {
                n.set("minimum", number(s.min()));
            }
        }
        if (Double.isFinite(s.max()) && s.max() < Long.MAX_VALUE) {
            n.set("maximum", number(s.max()));
        }
    }

    private static JsonNode number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? F.numberNode((long) d) : F.numberNode(d);
    }

    /** A YAML node as JSON (scalars typed as YAML read them). */
    static JsonNode json(YNode n) {
        if (n instanceof YNode.Map m) {
            ObjectNode o = F.objectNode();
            for (YNode.Entry e : m.entries()) {
                o.set(e.key(), json(e.value()));
            }
            return o;
        }
        if (n instanceof YNode.Seq s) {
            ArrayNode a = F.arrayNode();
            s.items().forEach(i -> a.add(json(i)));
            return a;
        }
        YNode.Scalar s = (YNode.Scalar) n;
        return switch (s.type()) {
            case NULL -> F.nullNode();
            case BOOL -> F.booleanNode(Boolean.parseBoolean(s.text()));
            case INT -> F.numberNode(Long.parseLong(s.text()));
            case FLOAT -> F.numberNode(Double.parseDouble(s.text()));
            case STRING -> F.textNode(s.text());
        };
    }
}
