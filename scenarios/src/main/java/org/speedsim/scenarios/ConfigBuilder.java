package org.speedsim.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.ProtocolConfig;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.TimedAction;
import org.speedsim.strategies.StrategyArgs;
import org.speedsim.strategies.StrategyCatalogue;
import org.speedsim.strategies.StrategyParam;
import org.speedsim.strategies.StrategyRegistry;

/**
 * Turns a normalized, spec-valid scenario tree into the engine's {@link SwarmConfig}, first checking what a spec
 * cannot say about single values: unique names, shares summing to 1, references to declared classes and clients,
 * ranges between keys (min <= max, optimistic >= rechoke period, events within the run).
 *
 * <p>Invariant: returns a config only when it added no problem; never lets an engine exception escape.
 */
final class ConfigBuilder {

    private static final double SHARE_TOLERANCE = 1e-9;

    private final StrategyRegistry registry;
    private final Validator out;

    ConfigBuilder(StrategyRegistry registry, Validator out) {
        this.registry = registry;
        this.out = out;
    }

    // ---- access to a valid tree

    private static YNode node(YNode.Map m, String key) {
        return m.get(key);
    }

    private static YNode.Map map(YNode.Map m, String key) {
        return (YNode.Map) m.get(key);
    }

    private static List<YNode> seq(YNode.Map m, String key) {
        return ((YNode.Seq) m.get(key)).items();
    }

    private static String text(YNode.Map m, String key) {
        YNode n = m.get(key);
        return n == null ? null : ((YNode.Scalar) n).text();
    }

    private static long micros(YNode.Map m, String key) {
        return Units.micros(text(m, key));
    }

    private static long integer(YNode.Map m, String key) {
        return Long.parseLong(text(m, key).replace("_", ""));
    }

    private static double number(YNode.Map m, String key) {
        return Double.parseDouble(text(m, key).replace("_", ""));
    }

    /** The config, or null when a problem was added. */
    SwarmConfig build(YNode.Map root, long seed) {
        int before = out.problemCount();
        long duration = micros(root, "duration");
        YNode.Map file = map(root, "file");
        long size = Units.bytes(text(file, "size"));
        long piece = Units.bytes(text(file, "pieceSize"));
        if ((size + piece - 1) / piece > Integer.MAX_VALUE / 2) {
            out.problem(file.get("pieceSize").origin(), "file.pieceSize", "a file of " + text(file, "size")
                    + " in pieces of " + text(file, "pieceSize") + " has too many pieces");
        }

        YNode.Map proto = map(root, "protocol");
        long rechoke = micros(proto, "rechokeInterval");
        long optimistic = micros(proto, "optimisticInterval");
        if (optimistic < rechoke) {
            out.problem(proto.get("optimisticInterval").origin(), "protocol.optimisticInterval",
                    text(proto, "optimisticInterval") + " must be at least the rechokeInterval ("
                            + text(proto, "rechokeInterval") + ")");
        }

        List<PeerClass> classes = new ArrayList<>();
        List<YNode> classNodes = seq(root, "peerClasses");
        Set<String> classNames = names(classNodes, "peerClasses", "peer class");
        double classShares = 0;
        for (int i = 0; i < classNodes.size(); i++) {
            YNode.Map c = (YNode.Map) classNodes.get(i);
            String path = "peerClasses[" + i + "]";
            classShares += number(c, "share");
            Distribution up = distribution(c.get("upload"), path + ".upload");
            Distribution down = distribution(c.get("download"), path + ".download");
            if (up != null && down != null) {
                classes.add(new PeerClass(text(c, "name"), number(c, "share"), up, down));
            }
        }
        checkShares(root, "peerClasses", classNodes, classShares);

        List<ClientSpec> clients = new ArrayList<>();
        List<YNode> clientNodes = seq(root, "clients");
        Set<String> clientNames = names(clientNodes, "clients", "client");
        double clientShares = 0;
        for (int i = 0; i < clientNodes.size(); i++) {
            YNode.Map c = (YNode.Map) clientNodes.get(i);
            String path = "clients[" + i + "]";
            clientShares += number(c, "share");
            var choking = strategy(registry.choking(), c.get("choking"), path + ".choking");
            var picking = strategy(registry.picking(), c.get("picking"), path + ".picking");
            var seeding = strategy(registry.seeding(), c.get("seeding"), path + ".seeding");
            if (choking != null && picking != null && seeding != null) {
                clients.add(new ClientSpec(text(c, "name"), number(c, "share"), "speed".equals(text(c, "protocol")),
                        choking, picking, seeding));
            }
        }
        checkShares(root, "clients", clientNodes, clientShares);

        ArrivalProcess arrivals = arrivals(root.get("arrivals"), duration);

        List<InitialSeeds> seeds = new ArrayList<>();
        List<YNode> seedNodes = seq(root, "initialSeeds");
        for (int i = 0; i < seedNodes.size(); i++) {
            YNode.Map s = (YNode.Map) seedNodes.get(i);
            String path = "initialSeeds[" + i + "]";
            boolean ok = reference(s, "class", path, classNames, "peer class");
            ok &= reference(s, "client", path, clientNames, "client");
            long leaveAt = s.get("leaveAt") == null ? Long.MAX_VALUE : micros(s, "leaveAt");
            if (ok) {
                seeds.add(new InitialSeeds((int) integer(s, "count"), text(s, "class"), text(s, "client"), leaveAt));
            }
        }

        List<TimedAction> actions = new ArrayList<>();
        List<YNode> events = seq(root, "events");
        for (int i = 0; i < events.size(); i++) {
            YNode.Map e = (YNode.Map) events.get(i);
            String path = "events[" + i + "]";
            long at = micros(e, "at");
            if (at > duration) {
                out.problem(e.get("at").origin(), path + ".at", text(e, "at")
                        + " is after the end of the run (duration " + text(root, "duration") + ")");
            }
            if ("remove-seeds".equals(text(e, "action"))) {
                String count = text(e, "count");
                actions.add(new TimedAction.RemoveSeeds(at, count.equals("all") ? -1 : (int) integer(e, "count")));
            } else {
                boolean ok = e.get("class") == null || reference(e, "class", path, classNames, "peer class");
                ok &= e.get("client") == null || reference(e, "client", path, clientNames, "client");
                if (ok) {
                    actions.add(new TimedAction.AddPeers(at, (int) integer(e, "count"), text(e, "class"),
                            text(e, "client"), Boolean.parseBoolean(text(e, "seeds"))));
                }
            }
        }

        if (out.problemCount() > before) {
            return null;
        }
        try {
            ProtocolConfig protocol = new ProtocolConfig((int) integer(proto, "trackerPeers"),
                    (int) integer(proto, "maxConnections"), (int) integer(proto, "reannounceBelow"),
                    micros(proto, "reannounceInterval"), (int) integer(proto, "unchokeSlots"), rechoke, optimistic,
                    Boolean.parseBoolean(text(proto, "endGame")));
            return new SwarmConfig(text(root, "name"), seed, 0, new FileSpec(size, piece), classes, clients,
                    arrivals, seeds, protocol, duration, micros(map(root, "metrics"), "interval"),
                    Boolean.parseBoolean(text(root, "stopWhenAllComplete")), actions,
                    text(map(root, "network"), "model"), List.of());
        } catch (RuntimeException e) {
            out.problem(root.origin(), "", "the engine rejects this scenario: " + e.getMessage());
            return null;
        }
    }

    private Set<String> names(List<YNode> items, String listPath, String what) {
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            YNode.Map m = (YNode.Map) items.get(i);
            if (!names.add(text(m, "name"))) {
                out.problem(m.get("name").origin(), listPath + "[" + i + "].name",
                        "duplicate " + what + " name '" + text(m, "name") + "'");
            }
        }
        return names;
    }

    private void checkShares(YNode.Map root, String key, List<YNode> items, double sum) {
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
            StringBuilder b = new StringBuilder();
            for (YNode n : items) {
                YNode.Map m = (YNode.Map) n;
                b.append(b.length() == 0 ? "" : ", ").append(text(m, "name")).append(' ').append(text(m, "share"));
            }
            YNode where = root.get(key);
            out.problem(where.origin(), key, "shares must sum to 1, not " + (float) sum + " (" + b + ")");
        }
    }

    private boolean reference(YNode.Map m, String key, String path, Set<String> known, String what) {
        String name = text(m, key);
        if (known.contains(name)) {
            return true;
        }
        out.problem(m.get(key).origin(), path + "." + key, "unknown " + what + " '" + name + "'; known: "
                + String.join(", ", known) + Suggest.didYouMean(name, known));
        return false;
    }

    private Distribution distribution(YNode n, String path) {
        if (n instanceof YNode.Scalar s) {
            return new Distribution.Fixed(Units.bytesPerSecond(s.text()));
        }
        YNode.Map m = (YNode.Map) n;
        try {
            switch (text(m, "distribution")) {
                case "fixed":
                    return new Distribution.Fixed(bw(m, "value"));
                case "uniform":
                    if (bw(m, "max") < bw(m, "min")) {
                        out.problem(m.get("max").origin(), path + ".max", text(m, "max")
                                + " must be at least min (" + text(m, "min") + ")");
                        return null;
                    }
                    return new Distribution.Uniform(bw(m, "min"), bw(m, "max"));
                case "exponential":
                    return new Distribution.Exponential(bw(m, "mean"));
                case "lognormal":
                    return new Distribution.LogNormal(bw(m, "median"), number(m, "sigma"));
                default:
                    List<Double> values = new ArrayList<>();
                    for (YNode v : seq(m, "values")) {
                        values.add(Units.bytesPerSecond(((YNode.Scalar) v).text()));
                    }
                    List<Double> weights = new ArrayList<>();
                    double total = 0;
                    for (YNode w : seq(m, "weights")) {
                        double x = Double.parseDouble(((YNode.Scalar) w).text().replace("_", ""));
                        weights.add(x);
                        total += x;
                    }
                    if (weights.size() != values.size()) {
                        out.problem(m.get("weights").origin(), path + ".weights", "has " + weights.size()
                                + " weights for " + values.size() + " values; give one weight per value");
                        return null;
                    }
                    if (!(total > 0) || Double.isInfinite(total)) {
                        out.problem(m.get("weights").origin(), path + ".weights",
                                "weights must have a positive finite sum");
                        return null;
                    }
                    return new Distribution.Choice(values, weights);
            }
        } catch (IllegalArgumentException e) {
            out.problem(n.origin(), path, e.getMessage());
            return null;
        }
    }

    private static double bw(YNode.Map m, String key) {
        return Units.bytesPerSecond(text(m, key));
    }

    private <F> F strategy(StrategyCatalogue<F> catalogue, YNode n, String path) {
        String name = n instanceof YNode.Scalar s ? s.text() : text((YNode.Map) n, "model");
        StrategyCatalogue.Entry<F> entry = catalogue.find(name);
        Map<String, Object> args = new HashMap<>();
        if (n instanceof YNode.Map m) {
            for (StrategyParam p : entry.params()) {
                YNode v = m.get(p.name());
                args.put(p.name(), ScenarioModel.paramSpec(p).convert((YNode.Scalar) v));
            }
        }
        try {
            return catalogue.create(name, new StrategyArgs(args));
        } catch (RuntimeException e) {
            out.problem(n.origin(), path, "cannot build " + catalogue.kind() + " strategy '" + name + "': "
                    + e.getMessage());
            return null;
        }
    }

    private ArrivalProcess arrivals(YNode n, long duration) {
        if (n instanceof YNode.Scalar) {
            return new ArrivalProcess.None();
        }
        YNode.Map m = (YNode.Map) n;
        switch (text(m, "process")) {
            case "flash-crowd":
                return new ArrivalProcess.FlashCrowd((int) integer(m, "peers"), micros(m, "decay"),
                        micros(m, "start"));
            case "poisson": {
                long start = micros(m, "start");
                long end = m.get("end") == null ? Math.max(start, duration) : micros(m, "end");
                if (end < start) {
                    out.problem(m.get("end").origin(), "arrivals.end", text(m, "end") + " is before start ("
                            + text(m, "start") + ")");
                    return new ArrivalProcess.None();
                }
                return new ArrivalProcess.Poisson(Units.perSecond(text(m, "rate")), start, end);
            }
            case "explicit": {
                List<YNode> times = seq(m, "times");
                long[] t = new long[times.size()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = Units.micros(((YNode.Scalar) times.get(i)).text());
                }
                return new ArrivalProcess.Explicit(t);
            }
            default:
                return new ArrivalProcess.None();
        }
    }
}
