package org.speedsim.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Produces the merged scenario tree before validation: follows {@code extends} chains (paths relative to the
 * extending file; maps deep-merged unless their discriminator changes, everything else replaced whole; the
 * base's {@code name} not inherited; a file that states its {@code kind} extends only a file of that kind) and then
 * applies {@code --set path=value} overrides, each value read as YAML ({@code --set path=} with no value removes the
 * key, so its default applies). Every node keeps the origin of the file or
 * override that supplied it.
 *
 * <p>Invariant: never throws; a null result always comes with at least one problem.
 */
final class Resolver {

    static final int MAX_EXTENDS_DEPTH = 16;
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)((?:\\[\\d{1,9}])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final YamlReader reader;
    private final List<Problem> problems;

    Resolver(YamlReader reader, List<Problem> problems) {
        this.reader = reader;
        this.problems = problems;
    }

    /** The file merged over everything it extends, or null. */
    YNode.Map resolve(Path file) {
        return resolve(file, file.toString(), new ArrayList<>());
    }

    private YNode.Map resolve(Path file, String shown, List<Path> chain) {
        YNode root = reader.read(file, shown, problems);
        if (root == null) {
            return null;
        }
        if (!(root instanceof YNode.Map m)) {
            problems.add(new Problem(shown, root.origin().line(), root.origin().column(), "",
                    "a scenario is a map of keys (duration, file, peerClasses, clients, ...), not "
                            + YNode.describe(root)));
            return null;
        }
        YNode.Entry ext = m.entry("extends");
        if (ext == null) {
            return m;
        }
        m = m.without("extends");
        YNode v = ext.value();
        if (!(v instanceof YNode.Scalar s) || s.type() != YNode.Scalar.Type.STRING || s.text().isBlank()) {
            problem(v.origin(), "extends", "expected the path of a scenario file, got " + YNode.describe(v));
            return null;
        }
        Path base = (file.toAbsolutePath().getParent() == null ? Path.of(s.text())
                : file.toAbsolutePath().getParent().resolve(s.text())).normalize();
        Path baseShown = file.getParent() == null ? Path.of(s.text()) : file.getParent().resolve(s.text()).normalize();
        Path real = realPath(file);
        chain.add(real);
        if (chain.size() > MAX_EXTENDS_DEPTH) {
            problem(v.origin(), "extends", "extends chain longer than " + MAX_EXTENDS_DEPTH + " files");
            return null;
        }
        if (!Files.isRegularFile(base)) {
            problem(v.origin(), "extends", "extended file " + baseShown + " does not exist");
            return null;
        }
        if (chain.contains(realPath(base))) {
            StringBuilder cycle = new StringBuilder();
            for (Path p : chain) {
                cycle.append(p.getFileName()).append(" -> ");
            }
            problem(v.origin(), "extends", "extends cycle: " + cycle + base.getFileName());
            return null;
        }
        YNode.Map parent = resolve(base, baseShown.toString(), chain);
        if (parent == null) {
            return null;
        }
        String kind = kindOf(m.get("kind"));
        String baseKind = kindOf(parent.get("kind"));
        if (m.get("kind") != null && kind != null && baseKind != null && !kind.equals(baseKind)) {
            problem(m.get("kind").origin(), "kind", "a " + kind + " scenario cannot extend " + baseShown + ", a "
                    + baseKind + " scenario");
            return null;
        }
        return (YNode.Map) merge(parent.without("name"), m);
    }

    /** The kind a {@code kind} value names (swarm when absent), or null when it names none. */
    private static String kindOf(YNode k) {
        if (k == null || (k instanceof YNode.Scalar s && s.isNull())) {
            return ScenarioModel.KIND_SWARM;
        }
        return k instanceof YNode.Scalar s && s.type() == YNode.Scalar.Type.STRING
                && (s.text().equals(ScenarioModel.KIND_SWARM) || s.text().equals(ScenarioModel.KIND_WORLD))
                ? s.text() : null;
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException | RuntimeException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /**
     * {@code over} on top of {@code base}: maps merge key by key, anything else replaces. A map whose discriminator
     * ({@link ScenarioModel#DISCRIMINATORS}: {@code process}, {@code model}, ...) changes is replaced whole, since
     * the keys of one arrival process or strategy mean nothing to another.
     */
    static YNode merge(YNode base, YNode over) {
        if (!(base instanceof YNode.Map b) || !(over instanceof YNode.Map o)) {
            return over;
        }
        for (String d : ScenarioModel.DISCRIMINATORS) {
            YNode bd = b.get(d);
            YNode od = o.get(d);
            if (od != null && !(bd instanceof YNode.Scalar bs && od instanceof YNode.Scalar os
                    && bs.text().equals(os.text()))) {
                return over;
            }
        }
        YNode.Map result = new YNode.Map(o.origin(), b.entries());
        for (YNode.Entry e : o.entries()) {
            YNode old = result.get(e.key());
            result = result.with(e.key(), e.keyOrigin(), old == null ? e.value() : merge(old, e.value()));
        }
        return result;
    }

    private void problem(YNode.Origin o, String path, String message) {
        problems.add(new Problem(o.file(), o.line(), o.column(), path, message));
    }

    /**
     * Applies one {@code path=value} override, optionally prefixed by the option it came from ({@code --vary ...});
     * problems name that option, {@code --set} by default. Returns the new root, or null with a problem.
     */
    YNode.Map set(YNode.Map root, String override) {
        String shown = "--set " + override;
        if (override.startsWith("--") && override.indexOf(' ') > 2) {
            shown = override;
            override = override.substring(override.indexOf(' ') + 1);
        }
        YNode.Origin here = YNode.Origin.of(shown);
        int eq = override.indexOf('=');
        if (eq <= 0) {
            problem(here, "", "expected path=value, such as duration=1h or clients[0].share=0.5");
            return null;
        }
        String path = override.substring(0, eq).strip();
        String[] parts = path.split("\\.", -1);
        List<Object> steps = new ArrayList<>();
        for (String part : parts) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                problem(here, path, "bad path: '" + part + "' is not a key optionally followed by [index]");
                return null;
            }
            steps.add(m.group(1));
            Matcher ix = INDEX.matcher(m.group(2));
            while (ix.find()) {
                steps.add(Integer.valueOf(ix.group(1)));
            }
        }
        if (steps.get(0).equals("extends")) {
            problem(here, path, "extends cannot be set with --set");
            return null;
        }
        List<Problem> parse = new ArrayList<>();
        YNode value = reader.readText(override.substring(eq + 1), shown, parse);
        if (value == null) {
            boolean empty = parse.stream().anyMatch(p -> p.message().contains("empty"));
            if (!empty) {
                for (Problem p : parse) {
                    problems.add(new Problem(shown, 0, 0, path, p.message()));
                }
                return null;
            }
            value = new YNode.Scalar(here, YNode.Scalar.Type.NULL, "");
        }
        value = relocate(value, here);
        YNode out = set(root, steps, 0, value, here, path);
        return out == null ? null : (YNode.Map) out;
    }

    private YNode set(YNode node, List<Object> steps, int i, YNode value, YNode.Origin here, String path) {
        if (i == steps.size()) {
            return value;
        }
        Object step = steps.get(i);
        String at = describe(steps, i);
        if (step instanceof String key) {
            if (node != null && !(node instanceof YNode.Map)) {
                problem(here, path, "bad path: " + (at.isEmpty() ? "the root" : at) + " is " + YNode.describe(node)
                        + ", not a map with key '" + key + "'");
                return null;
            }
            YNode.Map m = node == null ? new YNode.Map(here, List.of()) : (YNode.Map) node;
            YNode.Entry e = m.entry(key);
            if (i == steps.size() - 1 && value instanceof YNode.Scalar v && v.isNull()) {
                return m.without(key);
            }
            YNode child = set(e == null ? null : e.value(), steps, i + 1, value, here, path);
            return child == null ? null : m.with(key, e == null ? here : e.keyOrigin(), child);
        }
        int index = (Integer) step;
        if (!(node instanceof YNode.Seq s)) {
            problem(here, path, "bad path: " + at + " is " + (node == null ? "not set" : YNode.describe(node))
                    + ", not a list");
            return null;
        }
        if (index >= s.items().size()) {
            problem(here, path, "bad path: " + at + "[" + index + "] is out of range; " + at + " has "
                    + s.items().size() + " item" + (s.items().size() == 1 ? "" : "s"));
            return null;
        }
        YNode child = set(s.items().get(index), steps, i + 1, value, here, path);
        if (child == null) {
            return null;
        }
        List<YNode> items = new ArrayList<>(s.items());
        items.set(index, child);
        return new YNode.Seq(s.origin(), items);
    }

    private static String describe(List<Object> steps, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Object s = steps.get(i);
            if (s instanceof Integer ix) {
                b.append('[').append(ix).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(s);
            }
        }
        return b.toString();
    }

    /** The same value with every origin replaced by the override's. */
    private static YNode relocate(YNode n, YNode.Origin o) {
        if (n instanceof YNode.Map m) {
            List<YNode.Entry> es = new ArrayList<>();
            for (YNode.Entry e : m.entries()) {
                es.add(new YNode.Entry(e.key(), o, relocate(e.value(), o)));
            }
            return new YNode.Map(o, es);
        }
        if (n instanceof YNode.Seq s) {
            return new YNode.Seq(o, s.items().stream().map(x -> relocate(x, o)).toList());
        }
        YNode.Scalar s = (YNode.Scalar) n;
        return new YNode.Scalar(o, s.type(), s.text());
    }
}
