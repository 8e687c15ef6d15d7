package org.speedsim.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.speedsim.engine.swarm.SeedPolicy;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.SpeedConfig;
import org.speedsim.engine.speed.SpeedExtension;
import org.speedsim.engine.speed.SpeedSettings;
import org.speedsim.engine.swarm.ArrivalProcess;
import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.FileSpec;
import org.speedsim.engine.swarm.InitialSeeds;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.ProtocolConfig;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.engine.swarm.TimedAction;
import org.speedsim.strategies.StrategyArgs;
import org.speedsim.strategies.StrategyCatalogue;
import org.speedsim.strategies.NamedStrategy;
import org.speedsim.strategies.StrategyParam;
import org.speedsim.strategies.StrategyRegistry;

/**
 * Turns a normalized scenario tree into the engine's {@link SwarmConfig}. {@link #check} first checks what a spec
 * cannot say about single values - unique names, shares summing to 1, references to declared classes and clients,
 * ranges between keys (min <= max, optimistic >= rechoke period, events within the run) - using only the values
 * the {@link Validator} found valid, so it runs even when other values are wrong; {@link #build} then converts a
 * tree without problems.
 *
 * <p>Invariant: {@code build} returns a config only when no problem was found; no engine exception escapes. Two
 * builds of one tree are equal configs (strategies, the auction choker and the Speed extension compare as values).
 */
final class ConfigBuilder {

    /** {@link SpeedExtension#factory} as a value, so that two loads of one scenario give equal configs. */
    record SpeedExtensionFactory(SpeedConfig config) implements SwarmExtension.Factory {
        @Override
        public SwarmExtension create(org.speedsim.engine.swarm.SwarmControl control) {
            return SpeedExtension.factory(config).create(control);
        }
    }

    private static final double SHARE_TOLERANCE = 1e-9;

    private final StrategyRegistry registry;
    private final Validator v;

    ConfigBuilder(StrategyRegistry registry, Validator validator) {
        this.registry = registry;
        this.v = validator;
    }

    // ---- guarded access: null unless present and valid

    YNode.Map map(YNode n) {
        return n instanceof YNode.Map m && v.isValid(m) ? m : null;
    }

    YNode.Map map(YNode.Map m, String key) {
        return m == null ? null : map(m.get(key));
    }

    List<YNode> items(YNode.Map m, String key) {
        YNode n = m == null ? null : m.get(key);
        return n instanceof YNode.Seq s && v.isValid(s) ? s.items() : null;
    }

    String leaf(YNode.Map m, String key) {
        YNode n = m == null ? null : m.get(key);
        return n instanceof YNode.Scalar s && v.isValid(s) ? s.text() : null;
    }

    // ---- relations

    /** Adds a problem for every broken relation between valid values. */
    void check(YNode.Map root) {
        YNode.Map file = map(root, "file");
        String size = leaf(file, "size");
        String piece = leaf(file, "pieceSize");
        if (size != null && piece != null
                && (Units.bytes(size) + Units.bytes(piece) - 1) / Units.bytes(piece) > Integer.MAX_VALUE / 2) {
            v.problem(file.get("pieceSize").origin(), "file.pieceSize", "a file of " + size + " in pieces of "
                    + piece + " has too many pieces");
        }
        checkProtocol(root);
        Set<String> classes = group(root, "peerClasses", "peer class");
        Set<String> clients = group(root, "clients", "client");
        checkClassLinks(root);
        List<YNode> clientNodes = items(root, "clients");
        for (int i = 0; clientNodes != null && i < clientNodes.size(); i++) {
            YNode.Map c = map(clientNodes.get(i));
            checkDistribution(c == null ? null : c.get("balance"), "clients[" + i + "].balance", Units::microBtt);
        }
        checkSpeed(root);
        String duration = leaf(root, "duration");
        YNode.Map arrivals = map(root, "arrivals");
        String start = leaf(arrivals, "start");
        String end = leaf(arrivals, "end");
        if ("poisson".equals(leaf(arrivals, "process")) && start != null && end != null
                && Units.micros(end) < Units.micros(start)) {
            v.problem(arrivals.get("end").origin(), "arrivals.end", end + " is before start (" + start + ")");
        }
        List<YNode> seeds = items(root, "initialSeeds");
        for (int i = 0; seeds != null && i < seeds.size(); i++) {
            YNode.Map s = map(seeds.get(i));
            reference(s, "class", "initialSeeds[" + i + "]", classes, "peer class");
            reference(s, "client", "initialSeeds[" + i + "]", clients, "client");
        }
        List<YNode> events = items(root, "events");
        for (int i = 0; events != null && i < events.size(); i++) {
            YNode.Map e = map(events.get(i));
            String at = leaf(e, "at");
            if (at != null && duration != null && Units.micros(at) > Units.micros(duration)) {
                v.problem(e.get("at").origin(), "events[" + i + "].at", at
                        + " is after the end of the run (duration " + duration + ")");
            }
            reference(e, "class", "events[" + i + "]", classes, "peer class");
            reference(e, "client", "events[" + i + "]", clients, "client");
            if ("set-spending-rate".equals(leaf(e, "action"))) {
                checkSpendingRateTarget(e, "events[" + i + "]", clientNodes);
            }
        }
        checkLimits(root);
    }

    /** The optimistic unchoke period is at least the choking period. */
    void checkProtocol(YNode.Map root) {
        YNode.Map proto = map(root, "protocol");
        String rechoke = leaf(proto, "rechokeInterval");
        String optimistic = leaf(proto, "optimisticInterval");
        if (rechoke != null && optimistic != null && Units.micros(optimistic) < Units.micros(rechoke)) {
            v.problem(proto.get("optimisticInterval").origin(), "protocol.optimisticInterval", optimistic
                    + " must be at least the rechokeInterval (" + rechoke + ")");
        }
    }

    /** The link distributions of every peer class. */
    void checkClassLinks(YNode.Map root) {
        List<YNode> classNodes = items(root, "peerClasses");
        for (int i = 0; classNodes != null && i < classNodes.size(); i++) {
            YNode.Map c = map(classNodes.get(i));
            checkDistribution(c == null ? null : c.get("upload"), "peerClasses[" + i + "].upload",
                    Units::bytesPerSecond);
            checkDistribution(c == null ? null : c.get("download"), "peerClasses[" + i + "].download",
                    Units::bytesPerSecond);
        }
    }

    /** The Speed block: its message latency distribution, and close margin against the channel timeout. */
    void checkSpeed(YNode.Map root) {
        YNode.Map speed = map(root, "speed");
        checkDistribution(speed == null ? null : speed.get("messageLatency"), "speed.messageLatency", Units::micros);
        String margin = leaf(speed, "closeMargin");
        String timeout = leaf(map(speed, "ledger"), "channelTimeout");
        if (margin != null && timeout != null && 2 * (double) Units.micros(margin) >= Units.micros(timeout)) {
            v.problem(speed.get("closeMargin").origin(), "speed.closeMargin", margin
                    + " must be less than half the ledger's channelTimeout (" + timeout + ")");
        }
    }

    /**
     * A spending-rate event must reach a Speed client whose bidding strategy has a spending rate: the named client,
     * or when none is named at least one client.
     */
    private void checkSpendingRateTarget(YNode.Map e, String path, List<YNode> clientNodes) {
        if (clientNodes == null) {
            return;
        }
        String named = leaf(e, "client");
        boolean any = false;
        for (YNode n : clientNodes) {
            YNode.Map c = map(n);
            String name = leaf(c, "name");
            if (c == null || name == null || (named != null && !named.equals(name))) {
                continue;
            }
            YNode b = c.get("bidding");
            String strategy = b instanceof YNode.Map bm ? leaf(bm, "strategy") : leaf(c, "bidding");
            boolean speaks = "speed".equals(leaf(c, "protocol"));
            boolean hasRate = strategy == null || strategy.equals("auto") || strategy.equals("shader");
            if (named != null && !speaks) {
                v.problem(e.get("client").origin(), path + ".client", "client '" + named
                        + "' is not protocol: speed, so it has no spending rate");
            } else if (named != null && !hasRate) {
                v.problem(e.get("client").origin(), path + ".client", "client '" + named + "' bids with '"
                        + strategy + "', which has no spending rate (auto and shader have one)");
            }
            any |= speaks && hasRate;
        }
        if (named == null && !any) {
            v.problem(e.get("action").origin(), path + ".action",
                    "set-spending-rate needs a Speed client bidding with auto or shader; there is none");
        }
    }

    // ---- limits of the engine's integers and arrays

    /** The most elements a Java array holds (a little below {@code Integer.MAX_VALUE}). */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 16;
    /** Piece-table rows the engine allocates up front (one byte per piece for each of the first peers). */
    static final long FIRST_ROWS = 1024;
    /**
     * Quantile used as the largest draw of an unbounded balance distribution: a draw beyond it has a probability
     * below 1e-12 (exponential: {@code 28 * mean}; log-normal: {@code median * exp(7.1 sigma)}).
     */
    static final double EXPONENTIAL_TAIL = 28;
    static final double NORMAL_TAIL = 7.1;

    /**
     * Adds a problem for every valid-looking scenario the engine could not hold: more peers than an array indexes,
     * a piece table (pieces x first peers, one byte each) beyond one array, or a token supply (every peer's largest
     * airdrop, micro-BTT) beyond a 64-bit count.
     */
    private void checkLimits(YNode.Map root) {
        long peers = peerBound(root);
        YNode.Map file = map(root, "file");
        String size = leaf(file, "size");
        String piece = leaf(file, "pieceSize");
        if (peers > MAX_ARRAY) {
            v.problem(root.origin(), "arrivals", "the run could hold up to " + peers + " peers (initial seeds, "
                    + "arrivals and added peers), more than the " + MAX_ARRAY + " the engine can index");
            return;
        }
        if (size != null && piece != null) {
            long bytes = Units.bytes(size);
            long pieceBytes = Units.bytes(piece);
            long pieces = (bytes + pieceBytes - 1) / pieceBytes;
            long rows = Math.max(1, Math.min(peers, FIRST_ROWS));
            if (pieces <= Integer.MAX_VALUE / 2 && pieces * rows > MAX_ARRAY) {
                v.problem(file.get("pieceSize").origin(), "file.pieceSize", "a file of " + size + " in pieces of "
                        + piece + " has " + pieces + " pieces; the piece table of " + rows + " peers (one byte per "
                        + "piece and peer) would need " + pieces * rows + " bytes, more than one Java array holds ("
                        + MAX_ARRAY + "); use larger pieces");
            }
        }
        checkSupply(root, peers);
    }

    /** The most peers a run can have in all: initial seeds, arrivals (a Poisson count bounded far out) and events. */
    private long peerBound(YNode.Map root) {
        long peers = 0;
        List<YNode> seeds = items(root, "initialSeeds");
        for (int i = 0; seeds != null && i < seeds.size(); i++) {
            String count = leaf(map(seeds.get(i)), "count");
            peers += count == null ? 0 : Long.parseLong(count.replace("_", ""));
        }
        YNode.Map arrivals = map(root, "arrivals");
        String process = leaf(arrivals, "process");
        if ("flash-crowd".equals(process)) {
            String count = leaf(arrivals, "peers");
            peers += count == null ? 0 : Long.parseLong(count.replace("_", ""));
        } else if ("explicit".equals(process)) {
            List<YNode> times = items(arrivals, "times");
            peers += times == null ? 0 : times.size();
        } else if ("poisson".equals(process)) {
            String rate = leaf(arrivals, "rate");
            String start = leaf(arrivals, "start");
            String end = leaf(arrivals, "end");
            String duration = leaf(root, "duration");
            String last = end != null ? end : duration;
            if (rate != null && last != null) {
                double seconds = Math.max(0, (Units.micros(last) - (start == null ? 0 : Units.micros(start))) / 1e6);
                double mean = Units.perSecond(rate) * seconds;
                double bound = mean + 10 * Math.sqrt(mean) + 10;
                peers += bound >= Long.MAX_VALUE / 4.0 ? Long.MAX_VALUE / 4 : (long) Math.ceil(bound);
            }
        }
        List<YNode> events = items(root, "events");
        for (int i = 0; events != null && i < events.size(); i++) {
            YNode.Map e = map(events.get(i));
            if ("add-peers".equals(leaf(e, "action"))) {
                String count = leaf(e, "count");
                peers += count == null ? 0 : Long.parseLong(count.replace("_", ""));
            }
        }
        return peers;
    }

    /**
     * Every peer gets, at genesis, the largest of its draws from the Speed clients' balance distributions; their sum
     * (micro-BTT) must fit the ledger's 64-bit supply.
     */
    private void checkSupply(YNode.Map root, long peers) {
        List<YNode> clientNodes = items(root, "clients");
        double most = 0;
        double shown = 0;
        int mostAt = -1;
        for (int i = 0; clientNodes != null && i < clientNodes.size(); i++) {
            YNode.Map c = map(clientNodes.get(i));
            if (c == null || !"speed".equals(leaf(c, "protocol")) || c.get("balance") == null) {
                continue;
            }
            double requested = largestBalance(c.get("balance"));
            double largest = Math.min(1e18, requested); // the engine draws no airdrop above 1e18 micro-BTT
            if (largest > most) {
                most = largest;
                shown = requested;
                mostAt = i;
            }
        }
        if (mostAt >= 0 && peers > 0 && most * peers > Long.MAX_VALUE) {
            YNode.Map c = map(clientNodes.get(mostAt));
            v.problem(c.get("balance").origin(), "clients[" + mostAt + "].balance", "up to " + peers + " peers with "
                    + "balances up to " + new java.math.BigDecimal(shown / 1e6).toBigInteger() + " BTT each would hold more than "
                    + Long.MAX_VALUE / 1_000_000 + " BTT, the most the ledger counts (micro-BTT in 64 bits); give "
                    + "smaller balances");
        }
    }

    /** The largest balance (micro-BTT) a distribution gives, far out in the tail when it is unbounded; 0 if invalid. */
    double largestBalance(YNode n) {
        return largest(n, Units::microBtt);
    }

    /**
     * The largest value (base units of {@code unit}) a valid fixed value or distribution gives, far out in the tail
     * when it is unbounded ({@link #EXPONENTIAL_TAIL}, {@link #NORMAL_TAIL}); 0 if invalid.
     */
    double largest(YNode n, ToDoubleFunction<String> unit) {
        if (n instanceof YNode.Scalar s) {
            return v.isValid(s) ? unit.applyAsDouble(s.text()) : 0;
        }
        YNode.Map m = map(n);
        String kind = leaf(m, "distribution");
        if (kind == null) {
            return 0;
        }
        return switch (kind) {
            case "fixed" -> value(leaf(m, "value"), unit);
            case "uniform" -> value(leaf(m, "max"), unit);
            case "exponential" -> EXPONENTIAL_TAIL * value(leaf(m, "mean"), unit);
            case "lognormal" -> {
                String sigma = leaf(m, "sigma");
                yield value(leaf(m, "median"), unit) * Math.exp(NORMAL_TAIL
                        * (sigma == null ? 0 : Double.parseDouble(sigma.replace("_", ""))));
            }
            case "choice" -> {
                double max = 0;
                List<YNode> values = items(m, "values");
                for (int i = 0; values != null && i < values.size(); i++) {
                    if (values.get(i) instanceof YNode.Scalar s && v.isValid(s)) {
                        max = Math.max(max, unit.applyAsDouble(s.text()));
                    }
                }
                yield max;
            }
            default -> 0;
        };
    }

    private static double value(String text, ToDoubleFunction<String> unit) {
        return text == null ? 0 : unit.applyAsDouble(text);
    }

    /**
     * Checks unique names and shares summing to 1 of a list of named shares; returns the names, or null when some
     * are invalid (references to the list are then not checked).
     */
    Set<String> group(YNode.Map root, String key, String what) {
        List<YNode> list = items(root, key);
        if (list == null) {
            return null;
        }
        Set<String> names = new LinkedHashSet<>();
        boolean allNames = true;
        boolean allShares = true;
        double sum = 0;
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            YNode.Map m = map(list.get(i));
            String name = leaf(m, "name");
            String share = leaf(m, "share");
            allNames &= name != null;
            allShares &= share != null;
            if (name != null && !names.add(name)) {
                v.problem(m.get("name").origin(), key + "[" + i + "].name", "duplicate " + what + " name '" + name
                        + "'");
            }
            if (share != null) {
                sum += Double.parseDouble(share.replace("_", ""));
                shown.append(shown.length() == 0 ? "" : ", ").append(name).append(' ').append(share);
            }
        }
        if (allShares && !list.isEmpty() && Math.abs(sum - 1) > SHARE_TOLERANCE) {
            v.problem(root.get(key).origin(), key, "shares must sum to 1, not " + (float) sum + " (" + shown + ")");
        }
        return allNames ? names : null;
    }

    private void reference(YNode.Map m, String key, String path, Set<String> known, String what) {
        String name = leaf(m, key);
        if (name == null || known == null || known.contains(name)) {
            return;
        }
        v.problem(m.get(key).origin(), path + "." + key, "unknown " + what + " '" + name + "'; known: "
                + String.join(", ", known) + Suggest.didYouMean(name, known));
    }

    void checkDistribution(YNode n, String path, ToDoubleFunction<String> unit) {
        YNode.Map m = map(n);
        String kind = leaf(m, "distribution");
        if ("uniform".equals(kind)) {
            String min = leaf(m, "min");
            String max = leaf(m, "max");
            if (min != null && max != null && unit.applyAsDouble(max) < unit.applyAsDouble(min)) {
                v.problem(m.get("max").origin(), path + ".max", max + " must be at least min (" + min + ")");
            }
        } else if ("choice".equals(kind)) {
            List<YNode> values = items(m, "values");
            List<YNode> weights = items(m, "weights");
            if (values != null && weights != null && weights.size() != values.size()) {
                v.problem(m.get("weights").origin(), path + ".weights", "has " + weights.size() + " weights for "
                        + values.size() + " values; give one weight per value");
            } else if (weights != null && weights.stream().allMatch(v::isValid)) {
                double total = 0;
                for (YNode w : weights) {
                    total += Double.parseDouble(((YNode.Scalar) w).text().replace("_", ""));
                }
                if (!(total > 0) || Double.isInfinite(total)) {
                    v.problem(m.get("weights").origin(), path + ".weights", "weights must have a positive finite sum");
                }
            }
        }
    }

    // ---- conversion of a tree without problems

    static String text(YNode.Map m, String key) {
        YNode n = m.get(key);
        return n == null ? null : ((YNode.Scalar) n).text();
    }

    static YNode.Map sub(YNode.Map m, String key) {
        return (YNode.Map) m.get(key);
    }

    static List<YNode> list(YNode.Map m, String key) {
        return ((YNode.Seq) m.get(key)).items();
    }

    static long micros(YNode.Map m, String key) {
        return Units.micros(text(m, key));
    }

    static long integer(YNode.Map m, String key) {
        return Long.parseLong(text(m, key).replace("_", ""));
    }

    static double number(YNode.Map m, String key) {
        return Double.parseDouble(text(m, key).replace("_", ""));
    }

    /** The config of a tree on which validation and {@link #check} found nothing, or null with a problem. */
    SwarmConfig build(YNode.Map root, long seed) {
        try {
            long duration = micros(root, "duration");
            YNode.Map file = sub(root, "file");
            YNode.Map proto = sub(root, "protocol");
            List<PeerClass> classes = peerClasses(list(root, "peerClasses"));
            List<ClientSpec> clients = clients(list(root, "clients"), null);
            boolean anySpeed = clients.stream().anyMatch(ClientSpec::speed);
            List<SwarmExtension.Factory> extensions = new ArrayList<>();
            if (anySpeed) {
                extensions.add(new SpeedExtensionFactory(speedConfig(sub(root, "speed"))));
            }
            if (root.get("observers") != null) {
                for (YNode o : list(root, "observers")) {
                    extensions.add(strategy(registry.observer(), o, "model"));
                }
            }
            List<InitialSeeds> seeds = new ArrayList<>();
            for (YNode n : list(root, "initialSeeds")) {
                YNode.Map s = (YNode.Map) n;
                seeds.add(new InitialSeeds((int) integer(s, "count"), text(s, "class"), text(s, "client"),
                        s.get("leaveAt") == null ? Long.MAX_VALUE : micros(s, "leaveAt")));
            }
            List<TimedAction> actions = new ArrayList<>();
            for (YNode n : list(root, "events")) {
                YNode.Map e = (YNode.Map) n;
                long at = micros(e, "at");
                if ("remove-seeds".equals(text(e, "action"))) {
                    actions.add(new TimedAction.RemoveSeeds(at, "all".equals(text(e, "count")) ? -1
                            : (int) integer(e, "count")));
                } else if ("set-spending-rate".equals(text(e, "action"))) {
                    actions.add(new TimedAction.SetSpendingRate(at, text(e, "client"), text(e, "class"),
                            Double.parseDouble(text(e, "spendingRate").replace("_", ""))));
                } else {
                    actions.add(new TimedAction.AddPeers(at, (int) integer(e, "count"), text(e, "class"),
                            text(e, "client"), Boolean.parseBoolean(text(e, "seeds"))));
                }
            }
            ProtocolConfig protocol = protocol(proto);
            return SwarmConfig.builder(text(root, "name")).seed(seed).replication(0)
                    .file(new FileSpec(Units.bytes(text(file, "size")), Units.bytes(text(file, "pieceSize"))))
                    .peerClasses(classes).clients(clients).arrivals(arrivals(root.get("arrivals"), duration))
                    .initialSeeds(seeds).protocol(protocol).durationMicros(duration)
                    .sampleIntervalMicros(micros(sub(root, "metrics"), "interval"))
                    .stopWhenAllComplete(Boolean.parseBoolean(text(root, "stopWhenAllComplete")))
                    .actions(actions).networkModel(text(sub(root, "network"), "model")).extensions(extensions).build();
        } catch (RuntimeException e) {
            v.problem(root.origin(), "", "the engine rejects this scenario: " + e.getMessage());
            return null;
        }
    }

    /** The peer classes of valid class blocks, in order. */
    static List<PeerClass> peerClasses(List<YNode> nodes) {
        List<PeerClass> classes = new ArrayList<>();
        for (YNode n : nodes) {
            YNode.Map c = (YNode.Map) n;
            classes.add(new PeerClass(text(c, "name"), number(c, "share"), distribution(c.get("upload")),
                    distribution(c.get("download"))));
        }
        return classes;
    }

    /** The protocol block of a valid tree. */
    static ProtocolConfig protocol(YNode.Map proto) {
        return ProtocolConfig.DEFAULT.toBuilder()
                .trackerPeers((int) integer(proto, "trackerPeers"))
                .maxConnections((int) integer(proto, "maxConnections"))
                .reannounceBelow((int) integer(proto, "reannounceBelow"))
                .reannounceMicros(micros(proto, "reannounceInterval"))
                .unchokeSlots((int) integer(proto, "unchokeSlots"))
                .rechokeMicros(micros(proto, "rechokeInterval"))
                .optimisticMicros(micros(proto, "optimisticInterval"))
                .endGame(Boolean.parseBoolean(text(proto, "endGame"))).build();
    }

    /**
     * The client specs of valid client blocks, in order; a Speed client's balance is its {@code balance} key, or
     * {@code balance} when that is not null (a world's airdrop, the same for every client).
     */
    List<ClientSpec> clients(List<YNode> nodes, Distribution balance) {
        List<ClientSpec> clients = new ArrayList<>();
        for (YNode n : nodes) {
            YNode.Map c = (YNode.Map) n;
            if ("speed".equals(text(c, "protocol"))) {
                SpeedSettings settings = speedSettings(c, balance != null ? balance
                        : distribution(c.get("balance"), t -> (double) Units.microBtt(t)));
                clients.add(new ClientSpec(text(c, "name"), number(c, "share"), true, auctionChoker(settings),
                        strategy(registry.picking(), c.get("picking"), "model"),
                        strategy(registry.seeding(), c.get("seeding"), "model"), settings));
            } else {
                clients.add(new ClientSpec(text(c, "name"), number(c, "share"), false,
                        strategy(registry.choking(), c.get("choking"), "model"),
                        strategy(registry.picking(), c.get("picking"), "model"),
                        strategy(registry.seeding(), c.get("seeding"), "model")));
            }
        }
        return clients;
    }

    private SpeedSettings speedSettings(YNode.Map c, Distribution balance) {
        String adversary = text(c, "adversary");
        return new SpeedSettings(strategy(registry.bidding(), c.get("bidding"), "strategy"),
                strategy(registry.auction(), c.get("auction"), "model"),
                strategy(registry.allocation(), c.get("allocation"), "model"),
                Units.nanoBttPerKiB(text(c, "reservePrice")),
                balance,
                "non-payer".equals(adversary), "bad-data".equals(adversary),
                "round-robin".equals(text(c, "seedRanking")) ? SeedPolicy.ROUND_ROBIN
                        : SeedPolicy.UPLOAD_RATE);
    }

    /** The auction choker of {@code s}, named by its settings so that equal settings give equal chokers. */
    private static ChokingPolicy.Factory auctionChoker(SpeedSettings s) {
        return NamedStrategy.wrap(ChokingPolicy.Factory.class, "auction", new StrategyArgs(Map.of("auction",
                s.auction(), "allocation", s.allocation(), "reservePrice", s.reservePriceNanoPerKiB(), "seedRanking",
                s.seedPolicy())), s.chokerFactory());
    }

    static SpeedConfig speedConfig(YNode.Map m) {
        YNode.Map ledger = sub(m, "ledger");
        String throughput = text(ledger, "throughput");
        SignatureMode mode = "ed25519".equals(text(m, "signatures")) ? SignatureMode.ED25519
                : SignatureMode.ACCOUNTING;
        return new SpeedConfig(new LedgerConfig(micros(ledger, "latency"),
                "unlimited".equals(throughput) ? 0 : Units.perSecond(throughput), micros(ledger, "channelTimeout"),
                mode), (int) integer(m, "escrowPieces"), micros(m, "paymentTimeout"),
                (int) integer(m, "failuresBeforeBan"), micros(m, "banPeriod"), micros(m, "closeMargin"),
                Boolean.parseBoolean(text(m, "encodeMessages")), Boolean.parseBoolean(text(m, "checkLedger")),
                distribution(m.get("messageLatency"), Units::micros));
    }

    static Distribution distribution(YNode n) {
        return distribution(n, Units::bytesPerSecond);
    }

    /** A fixed value or a distribution of a quantity read with {@code unit}. */
    static Distribution distribution(YNode n, ToDoubleFunction<String> unit) {
        if (n instanceof YNode.Scalar s) {
            return new Distribution.Fixed(unit.applyAsDouble(s.text()));
        }
        YNode.Map m = (YNode.Map) n;
        switch (text(m, "distribution")) {
            case "fixed":
                return new Distribution.Fixed(unit.applyAsDouble(text(m, "value")));
            case "uniform":
                return new Distribution.Uniform(unit.applyAsDouble(text(m, "min")), unit.applyAsDouble(text(m, "max")));
            case "exponential":
                return new Distribution.Exponential(unit.applyAsDouble(text(m, "mean")));
            case "lognormal":
                return new Distribution.LogNormal(unit.applyAsDouble(text(m, "median")), number(m, "sigma"));
            default:
                List<Double> values = new ArrayList<>();
                for (YNode x : list(m, "values")) {
                    values.add(unit.applyAsDouble(((YNode.Scalar) x).text()));
                }
                List<Double> weights = new ArrayList<>();
                for (YNode w : list(m, "weights")) {
                    weights.add(Double.parseDouble(((YNode.Scalar) w).text().replace("_", "")));
                }
                return new Distribution.Choice(values, weights);
        }
    }

    private static <F> F strategy(StrategyCatalogue<F> catalogue, YNode n, String discriminator) {
        String name = n instanceof YNode.Scalar s ? s.text() : text((YNode.Map) n, discriminator);
        Map<String, Object> args = new HashMap<>();
        if (n instanceof YNode.Map m) {
            for (StrategyParam p : catalogue.find(name).params()) {
                args.put(p.name(), ScenarioModel.paramSpec(p).convert((YNode.Scalar) m.get(p.name())));
            }
        }
        return catalogue.create(name, new StrategyArgs(args));
    }

    private static ArrivalProcess arrivals(YNode n, long duration) {
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
                return new ArrivalProcess.Poisson(Units.perSecond(text(m, "rate")), start, end);
            }
            case "explicit": {
                List<YNode> times = list(m, "times");
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
