package org.speedsim.scenarios;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a merged scenario tree against its {@link Spec} and returns the normalized tree: keys in the order the
 * spec declares them, every default filled in, strategy and distribution shorthands kept where they say
 * everything. Collects every problem rather than stopping at the first; each names the origin of the offending
 * node and its path ({@code clients[1].seeding.mean}).
 *
 * <p>The tree is returned even when problems were found: unknown keys are dropped, missing required keys left
 * out, and every node that failed its spec is kept but marked, so that {@link ConfigBuilder} can still check the
 * relations between the values that are valid ({@link #isValid}).
 *
 * <p>Invariant: a node reported valid converts without error as its spec says.
 */
final class Validator {

    private final List<Problem> problems;
    private final YamlReader reader;
    private final Map<String, YNode> defaults = new HashMap<>();
    private final Set<YNode> invalid = Collections.newSetFromMap(new IdentityHashMap<>());

    Validator(YamlReader reader, List<Problem> problems) {
        this.reader = reader;
        this.problems = problems;
    }

    int problemCount() {
        return problems.size();
    }

    void problem(YNode.Origin o, String path, String message) {
        problems.add(new Problem(o.file(), o.line(), o.column(), path, message));
    }

    /** Whether {@code n} is present and passed its spec (its children may still be invalid). */
    boolean isValid(YNode n) {
        return n != null && !invalid.contains(n);
    }

    private YNode bad(YNode n) {
        invalid.add(n);
        return n;
    }

    /** The normalized node (never null; marked invalid when it failed its spec). */
    YNode validate(Spec spec, YNode node, String path) {
        if (spec instanceof Spec.ObjectSpec o) {
            return object(o, node, path);
        }
        if (spec instanceof Spec.ListSpec l) {
            return list(l, node, path);
        }
        if (spec instanceof Spec.ScalarSpec s) {
            return scalar(s, node, path);
        }
        return oneOf((Spec.OneOfSpec) spec, node, path);
    }

    private YNode scalar(Spec.ScalarSpec s, YNode node, String path) {
        if (!(node instanceof YNode.Scalar sc)) {
            problem(node.origin(), path, "expected " + s.expected() + ", got " + YNode.describe(node));
            return bad(node);
        }
        try {
            s.convert(sc);
            return sc;
        } catch (IllegalArgumentException e) {
            problem(node.origin(), path, e.getMessage());
            return bad(node);
        }
    }

    private YNode list(Spec.ListSpec l, YNode node, String path) {
        if (!(node instanceof YNode.Seq seq)) {
            problem(node.origin(), path, "expected a list, got " + YNode.describe(node));
            return bad(node);
        }
        if (seq.items().size() > l.maxItems()) {
            problem(node.origin(), path, "has " + seq.items().size() + " items; at most " + l.maxItems());
            return bad(node);
        }
        List<YNode> out = new ArrayList<>();
        for (int i = 0; i < seq.items().size(); i++) {
            out.add(validate(l.items(), seq.items().get(i), path + "[" + i + "]"));
        }
        YNode.Seq result = new YNode.Seq(seq.origin(), out);
        if (seq.items().size() < l.minItems()) {
            problem(node.origin(), path, "needs at least " + l.minItems() + " item" + (l.minItems() == 1 ? "" : "s"));
            return bad(result);
        }
        return result;
    }

    private YNode object(Spec.ObjectSpec o, YNode node, String path) {
        if (!(node instanceof YNode.Map m)) {
            problem(node.origin(), path, "expected a map of " + keyList(o) + ", got " + YNode.describe(node));
            return bad(node);
        }
        List<String> names = o.fields().stream().map(Spec.Field::name).toList();
        for (YNode.Entry e : m.entries()) {
            if (o.field(e.key()) == null) {
                String hint = Suggest.didYouMean(e.key(), names);
                problem(e.keyOrigin(), join(path, e.key()), "unknown key '" + e.key() + "'"
                        + (hint.isEmpty() ? "; known: " + String.join(", ", names) : hint));
            }
        }
        List<YNode.Entry> out = new ArrayList<>();
        for (Spec.Field f : o.fields()) {
            YNode.Entry e = m.entry(f.name());
            YNode value = e == null || isNull(e.value()) ? null : e.value();
            YNode.Origin keyOrigin = e == null ? m.origin() : e.keyOrigin();
            if (f.onlyIf() != null && !applies(o, m, f.onlyIf())) {
                if (value != null && siblingValid(o, m, f.onlyIf())) {
                    problem(keyOrigin, join(path, f.name()), f.name() + " is only for " + f.onlyIf().key() + ": "
                            + f.onlyIf().value());
                }
                continue;
            }
            if (value == null) {
                if (f.defaultYaml() != null) {
                    value = defaults.computeIfAbsent(f.defaultYaml(),
                            text -> reader.readText(text, YamlReader.DEFAULT_ORIGIN, problems));
                    if (value == null) {
                        continue;
                    }
                } else {
                    if (f.required()) {
                        problem(m.origin(), path, "missing required key '" + f.name() + "' (" + f.description()
                                + ")");
                    }
                    continue;
                }
            }
            out.add(new YNode.Entry(f.name(), keyOrigin, validate(f.spec(), value, join(path, f.name()))));
        }
        return new YNode.Map(m.origin(), out);
    }

    private YNode oneOf(Spec.OneOfSpec u, YNode node, String path) {
        if (node instanceof YNode.Scalar sc && u.scalarForm() != null) {
            if (!u.scalarNamesVariant()) {
                return scalar(u.scalarForm(), sc, path);
            }
            if (sc.type() != YNode.Scalar.Type.STRING || !u.variants().containsKey(sc.text())) {
                problem(sc.origin(), path, u.unknownMessage(sc.shown()) + Suggest.didYouMean(sc.text(),
                        u.variants().keySet()));
                return bad(sc);
            }
            Spec.ObjectSpec variant = u.variants().get(sc.text());
            if (variant.fields().size() == 1) {
                return sc;
            }
            YNode.Map asMap = new YNode.Map(sc.origin(), List.of(new YNode.Entry(u.discriminator(), sc.origin(), sc)));
            return object(variant, asMap, path);
        }
        if (!(node instanceof YNode.Map m)) {
            problem(node.origin(), path, "expected " + (u.scalarForm() != null ? u.scalarForm().expected() + " or " : "")
                    + "a map with '" + u.discriminator() + "' (" + String.join(", ", u.variants().keySet())
                    + "), got " + YNode.describe(node));
            return bad(node);
        }
        YNode.Entry d = m.entry(u.discriminator());
        if (d == null || isNull(d.value())) {
            problem(m.origin(), path, "missing '" + u.discriminator() + "' (one of: "
                    + String.join(", ", u.variants().keySet()) + ")"
                    + Suggest.didYouMean(u.discriminator(), m.entries().stream().map(YNode.Entry::key).toList())
                            .replace("did you mean", "misspelt as"));
            return bad(node);
        }
        if (!(d.value() instanceof YNode.Scalar ds) || !u.variants().containsKey(ds.text())
                || ds.type() != YNode.Scalar.Type.STRING) {
            String shown = d.value() instanceof YNode.Scalar ds2 ? ds2.shown() : YNode.describe(d.value());
            problem(d.value().origin(), join(path, u.discriminator()), u.unknownMessage(shown)
                    + Suggest.didYouMean(shown, u.variants().keySet()));
            return bad(node);
        }
        Spec.ObjectSpec variant = u.variants().get(ds.text());
        if (variant.fields().size() == 1 && u.scalarNamesVariant() && m.entries().size() == 1) {
            return ds;
        }
        return object(variant, m, path);
    }

    /** Whether the condition's sibling key has its value, as written or by default. */
    private static boolean applies(Spec.ObjectSpec o, YNode.Map m, Spec.Condition c) {
        YNode.Entry e = m.entry(c.key());
        if (e != null && !isNull(e.value())) {
            return e.value() instanceof YNode.Scalar s && s.type() == YNode.Scalar.Type.STRING
                    && s.text().equals(c.value());
        }
        Spec.Field sibling = o.field(c.key());
        return sibling != null && c.value().equals(sibling.defaultYaml());
    }

    /** Whether the condition's sibling key is absent or valid (else its own problem says enough). */
    private static boolean siblingValid(Spec.ObjectSpec o, YNode.Map m, Spec.Condition c) {
        YNode.Entry e = m.entry(c.key());
        Spec.Field sibling = o.field(c.key());
        if (e == null || isNull(e.value()) || sibling == null) {
            return true;
        }
        try {
            return e.value() instanceof YNode.Scalar s && sibling.spec() instanceof Spec.ScalarSpec ss
                    && ss.convert(s) != null;
        } catch (IllegalArgumentException x) {
            return false;
        }
    }

    private static boolean isNull(YNode n) {
        return n instanceof YNode.Scalar s && s.isNull();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String keyList(Spec.ObjectSpec o) {
        List<String> names = o.fields().stream().map(Spec.Field::name).toList();
        return names.size() <= 4 ? String.join(", ", names) : String.join(", ", names.subList(0, 4)) + ", ...";
    }
}
