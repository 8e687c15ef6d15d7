package org.speedsim.scenarios;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.speedsim.strategies.StrategyCatalogue;
import org.speedsim.strategies.StrategyParam;
import org.speedsim.strategies.StrategyRegistry;

/**
 * The scenario format, written once as a {@link Spec} tree: every key, its type, range, default and description.
 * Validation and the JSON Schema both derive from {@link #root()}; strategy names and their parameters come from
 * the {@link StrategyRegistry}. To add a key, add a field here (and read it in {@link ConfigBuilder}).
 */
final class ScenarioModel {

    /** Keys that pick the shape of a map; {@link Resolver#merge} replaces a map whose discriminator changes. */
    static final java.util.Set<String> DISCRIMINATORS = java.util.Set.of("process", "distribution", "model", "action",
            "strategy");

    /** The {@code kind} of a swarm scenario (also when the key is absent) and of a world scenario. */
    static final String KIND_SWARM = "swarm";
    static final String KIND_WORLD = "world";

    static final double INF = Double.POSITIVE_INFINITY;
    private static final long MAX_INT = Integer.MAX_VALUE;

    private final StrategyRegistry registry;

    ScenarioModel(StrategyRegistry registry) {
        this.registry = registry;
    }

    // ---- scalar shorthands

    static Spec.ScalarSpec scalar(Spec.ScalarType t, double min, boolean exclusive, double max, String d) {
        return new Spec.ScalarSpec(t, min, exclusive, max, List.of(), d);
    }

    static Spec.ScalarSpec positive(Spec.ScalarType t, String d) {
        return scalar(t, 0, true, INF, d);
    }

    static Spec.ScalarSpec nonNegative(Spec.ScalarType t, String d) {
        return scalar(t, 0, false, INF, d);
    }

    static Spec.ScalarSpec integer(long min, long max, String d) {
        return scalar(Spec.ScalarType.INTEGER, min, false, max, d);
    }

    static Spec.ScalarSpec choice(List<String> values, String d) {
        return new Spec.ScalarSpec(Spec.ScalarType.CHOICE, 0, false, INF, values, d);
    }

    static Spec.ScalarSpec name(String d) {
        return new Spec.ScalarSpec(Spec.ScalarType.NAME, 0, false, INF, List.of(), d);
    }

    static Spec.ScalarSpec bool(String d) {
        return new Spec.ScalarSpec(Spec.ScalarType.BOOLEAN, 0, false, INF, List.of(), d);
    }

    static Spec.Field req(String name, Spec s) {
        return new Spec.Field(name, s, true, null, s.description());
    }

    static Spec.Field opt(String name, Spec s) {
        return new Spec.Field(name, s, false, null, s.description());
    }

    static Spec.Field def(String name, String defaultYaml, Spec s) {
        return new Spec.Field(name, s, false, defaultYaml, s.description());
    }

    static Spec.ObjectSpec object(String d, Spec.Field... fields) {
        return new Spec.ObjectSpec(d, List.of(fields));
    }

    static Spec.ListSpec list(Spec items, int min, String d) {
        return new Spec.ListSpec(items, min, 10_000, d);
    }

    static Spec.ObjectSpec variant(String discriminator, String name, String d, Spec.Field... fields) {
        List<Spec.Field> all = new ArrayList<>();
        all.add(req(discriminator, choice(List.of(name), d)));
        all.addAll(List.of(fields));
        return new Spec.ObjectSpec(d, all);
    }

    // ---- the format

    /** The whole scenario file. */
    Spec.ObjectSpec root() {
        return object("A speedsim scenario: one swarm, how peers arrive and behave, and what to measure.",
                opt("extends", scalar(Spec.ScalarType.STRING, 0, false, INF,
                        "a scenario file this one starts from (path relative to this file); its keys are deep-merged"
                                + " under this file's (a map whose process/model/distribution/action/strategy"
                                + " changes, and every list, is replaced whole); its name is not inherited")),
                opt("kind", choice(List.of(KIND_SWARM), "what the file describes: swarm (this format, the default"
                        + " when absent) or world (many torrents and persistent users, see the world format)")),
                opt("name", name("run name; defaults to the file name without .yaml")),
                def("seed", "1", integer(Long.MIN_VALUE, Long.MAX_VALUE,
                        "root random seed; replication r draws from the streams keyed by (seed, r)")),
                def("replications", "1", integer(1, LoadedScenario.MAX_REPLICATIONS, "independent runs (replications 0 .. n-1 of the same seed)")),
                req("duration", positive(Spec.ScalarType.DURATION, "simulated time limit")),
                def("stopWhenAllComplete", "false", bool(
                        "stop as soon as every leecher completed and no arrivals are pending")),
                def("metrics", "{}", object("what is measured",
                        def("interval", "30s", positive(Spec.ScalarType.DURATION, "time-series sampling interval")))),
                def("network", "{}", object("bandwidth model",
                        def("model", "max-min", choice(List.of("max-min"), "max-min fair sharing (the reference)")))),
                req("file", object("the shared file",
                        req("size", positive(Spec.ScalarType.DATA, "file size")),
                        def("pieceSize", "256KiB", positive(Spec.ScalarType.DATA, "piece size"))
                )),
                def("protocol", "{}", protocol()),
                def("speed", "{}", speed()),
                req("peerClasses", list(peerClass(), 1, "bandwidth classes of peers; shares sum to 1")),
                req("clients", list(client(false), 1, "client software of peers; shares sum to 1")),
                def("arrivals", "none", arrivals()),
                def("initialSeeds", "[]", list(object("seeds present at time 0",
                        def("count", "1", integer(0, MAX_INT, "number of seeds")),
                        req("class", name("peer class of the seeds")),
                        req("client", name("client of the seeds")),
                        opt("leaveAt", nonNegative(Spec.ScalarType.DURATION,
                                "time the seeds leave; absent: their client's seeding model from time 0"))),
                        0, "seeds present at time 0")),
                def("events", "[]", list(event(), 0, "timed actions")),
                opt("observers", list(strategy(registry.observer(), "model"), 0, "observers that watch the run and"
                        + " add fields to its summary (built-in or plug-in); absent: none")));
    }

    static Spec.ObjectSpec protocol() {
        return object("BitTorrent protocol parameters",
                def("trackerPeers", "50", integer(1, MAX_INT, "peers handed out per tracker announce")),
                def("maxConnections", "80", integer(1, 127, "connection cap per peer")),
                def("reannounceBelow", "20", integer(0, MAX_INT, "announce again below this many connections")),
                def("reannounceInterval", "5min", positive(Spec.ScalarType.DURATION, "minimum time between announces")),
                def("unchokeSlots", "4", integer(1, 1000, "unchoke slots including the optimistic one")),
                def("rechokeInterval", "10s", positive(Spec.ScalarType.DURATION, "choking period")),
                def("optimisticInterval", "30s", positive(Spec.ScalarType.DURATION,
                        "optimistic unchoke rotation period, at least the choking period")),
                def("endGame", "true", bool("request the last pieces from several peers")));
    }

    static Spec.ObjectSpec peerClass() {
        return object("a class of peers sharing a bandwidth profile",
                req("name", name("class name, referenced by initialSeeds and events")),
                req("share", scalar(Spec.ScalarType.NUMBER, 0, false, 1, "fraction of arriving leechers")),
                req("upload", bandwidth("upload capacity")),
                req("download", bandwidth("download capacity")));
    }

    /** A bandwidth: a fixed value or a distribution drawn once per peer. */
    static Spec.OneOfSpec bandwidth(String d) {
        return distribution(Spec.ScalarType.BANDWIDTH, d, "distribution");
    }

    /** A quantity of type {@code t}: a fixed value or a distribution drawn once per peer. */
    static Spec.OneOfSpec distribution(Spec.ScalarType bw, String d, String label) {
        String k = "distribution";
        LinkedHashMap<String, Spec.ObjectSpec> v = new LinkedHashMap<>();
        v.put("fixed", variant(k, "fixed", "always the same value", req("value", nonNegative(bw, "the value"))));
        v.put("uniform", variant(k, "uniform", "uniform between min and max",
                req("min", nonNegative(bw, "lower bound")), req("max", nonNegative(bw, "upper bound, >= min"))));
        v.put("exponential", variant(k, "exponential", "exponential with the given mean",
                req("mean", positive(bw, "mean"))));
        v.put("lognormal", variant(k, "lognormal", "log-normal given by median and sigma of the logarithm",
                req("median", positive(bw, "median")),
                req("sigma", scalar(Spec.ScalarType.NUMBER, 0, false, 10, "standard deviation of the logarithm"))));
        v.put("choice", variant(k, "choice", "one of the values, with the weights (normalised)",
                req("values", list(nonNegative(bw, "a value"), 1, "the values")),
                req("weights", list(scalar(Spec.ScalarType.NUMBER, 0, false, INF, "a weight"), 1,
                        "one weight per value"))));
        return new Spec.OneOfSpec(k, label.equals("distribution") ? "distribution" : label + " distribution", v,
                nonNegative(bw, d + " (a fixed value)"), false, d);
    }

    /**
     * A client block; in a world ({@code world}) the shares are of users and there is no {@code balance}, since a
     * world user's tokens come once from {@code users.airdrop}.
     */
    Spec.ObjectSpec client(boolean world) {
        Spec.ScalarType tokens = Spec.ScalarType.TOKENS;
        List<Spec.Field> fields = new ArrayList<>(List.of(
                req("name", name(world ? "client name, shown in users.csv"
                        : "client name, referenced by initialSeeds and events")),
                req("share", scalar(Spec.ScalarType.NUMBER, 0, false, 1, world ? "fraction of users running it"
                        : "fraction of arriving leechers")),
                def("protocol", "legacy", choice(List.of("legacy", "speed"),
                        "legacy ignores bids; speed speaks the BitTorrent Speed extension")),
                def("choking", registry.choking().defaultName(), strategy(registry.choking(), "model"))
                        .onlyIf("protocol", "legacy"),
                def("picking", registry.picking().defaultName(), strategy(registry.picking(), "model")),
                def("seeding", registry.seeding().defaultName(), strategy(registry.seeding(), "model")),
                speedOnly(def("bidding", registry.bidding().defaultName(), strategy(registry.bidding(), "strategy"))),
                speedOnly(def("auction", registry.auction().defaultName(), strategy(registry.auction(), "model"))),
                speedOnly(def("allocation", registry.allocation().defaultName(),
                        strategy(registry.allocation(), "model"))),
                speedOnly(def("reservePrice", "0", nonNegative(Spec.ScalarType.PRICE,
                        "lowest price a slot is sold at; lower bids count as none"))),
                speedOnly(def("seedRanking", "upload-rate", choice(List.of("upload-rate", "round-robin"),
                        "how a seed ranks candidates for the slots bids leave: upload-rate (the white paper's rule:"
                                + " by data sent to each over the rate window) or round-robin (longest unserved"
                                + " first)"))),
                speedOnly(req("balance", distribution(tokens, "initial token balance (airdrop), drawn once per peer",
                        "token amount"))),
                speedOnly(def("adversary", "none", choice(List.of("none", "non-payer", "bad-data"),
                        "none; non-payer: bids and downloads but never pays; bad-data: every piece it uploads fails"
                                + " verification")))));
        if (world) {
            fields.removeIf(f -> f.name().equals("balance"));
        }
        return new Spec.ObjectSpec(world ? "a client type: the software a share of the users runs"
                : "a client type: the software a share of the peers runs", fields);
    }

    /** A client key that exists only for {@code protocol: speed}. */
    private static Spec.Field speedOnly(Spec.Field f) {
        return f.onlyIf("protocol", "speed");
    }

    /** Swarm-wide BitTorrent Speed parameters: the ledger and the payment rules. */
    static Spec.ObjectSpec speed() {
        Spec.ScalarType dur = Spec.ScalarType.DURATION;
        return object("BitTorrent Speed parameters shared by the swarm; used when some client has protocol: speed",
                def("signatures", "accounting", choice(List.of("accounting", "ed25519"),
                        "accounting: a cheap keyed tag with the same rules; ed25519: real signatures (slow)")),
                def("ledger", "{}", object("the token ledger",
                        def("latency", "2s", nonNegative(dur, "time from a transaction's inclusion to its effect")),
                        def("throughput", "unlimited", scalar(Spec.ScalarType.RATE_OR_UNLIMITED, 0, false, INF,
                                "transactions included per unit of time (0/s or unlimited: no limit)")),
                        def("channelTimeout", "1h", positive(dur,
                                "lifetime of a payment channel; then its escrow returns to the payer")))),
                def("escrowPieces", "4", integer(1, MAX_INT,
                        "a new channel escrows the price of this many pieces (at least the amount owed)")),
                def("paymentTimeout", "30s", positive(dur,
                        "a requester that has not paid for a piece this long after receiving it is choked")),
                def("failuresBeforeBan", "3", integer(1, MAX_INT,
                        "payment timeouts after which the provider bans the requester")),
                def("banPeriod", "10min", positive(dur, "how long a ban lasts")),
                def("closeMargin", "5min", nonNegative(dur, "a provider closes a channel this long before its"
                        + " timeout; twice this must be below the channel timeout")),
                def("messageLatency", "{distribution: lognormal, median: 40ms, sigma: 0.6}", distribution(dur,
                        "one-way latency of bid, bid-response and payment messages, drawn once per pair of peers"
                                + " (0s: delivered at once)", "latency")),
                def("encodeMessages", "true", bool("encode every Speed message with the real codec (same bytes"
                        + " either way; false is faster)")),
                def("checkLedger", "false", bool("check the ledger invariants after every operation (slow)")));
    }

    /** A strategy reference: its name, or a map of {@code model} and its parameters. */
    static Spec.OneOfSpec strategy(StrategyCatalogue<?> catalogue, String discriminator) {
        LinkedHashMap<String, Spec.ObjectSpec> v = new LinkedHashMap<>();
        for (StrategyCatalogue.Entry<?> e : catalogue.entries()) {
            List<Spec.Field> fields = new ArrayList<>();
            fields.add(req(discriminator, choice(List.of(e.name()), e.description())));
            for (StrategyParam p : e.params()) {
                Spec s = paramSpec(p);
                fields.add(p.required() ? req(p.name(), s) : def(p.name(), p.defaultValue(), s));
            }
            v.put(e.name(), new Spec.ObjectSpec(e.description(), fields));
        }
        return new Spec.OneOfSpec(discriminator, catalogue.kind() + " strategy", v,
                choice(catalogue.names(), catalogue.kind() + " strategy name"), true,
                catalogue.kind() + " strategy: a name, or {" + discriminator + ": name, parameters...}");
    }

    static Spec.ScalarSpec paramSpec(StrategyParam p) {
        if (p.type() == StrategyParam.Type.CHOICE) {
            return choice(p.choices(), p.description());
        }
        Spec.ScalarType t = switch (p.type()) {
            case DURATION -> Spec.ScalarType.DURATION;
            case DATA -> Spec.ScalarType.DATA;
            case BANDWIDTH -> Spec.ScalarType.BANDWIDTH;
            case TOKENS -> Spec.ScalarType.TOKENS;
            case RATE -> Spec.ScalarType.RATE;
            case NUMBER -> Spec.ScalarType.NUMBER;
            case INTEGER -> Spec.ScalarType.INTEGER;
            case BOOLEAN -> Spec.ScalarType.BOOLEAN;
            case PRICE -> Spec.ScalarType.PRICE;
            case CHOICE -> Spec.ScalarType.CHOICE;
        };
        double max = t == Spec.ScalarType.INTEGER ? Math.min(Long.MAX_VALUE, p.max()) : p.max();
        return scalar(t, 0, !p.zeroAllowed(), max, p.description());
    }

    private static Spec.OneOfSpec arrivals() {
        String k = "process";
        Spec.ScalarType dur = Spec.ScalarType.DURATION;
        LinkedHashMap<String, Spec.ObjectSpec> v = new LinkedHashMap<>();
        v.put("none", variant(k, "none", "no arrivals besides initial seeds and events"));
        v.put("flash-crowd", variant(k, "flash-crowd", "exactly `peers` arrivals at an exponentially decaying rate",
                req("peers", integer(0, MAX_INT, "number of arrivals")),
                req("decay", positive(dur, "mean of the exponential decay of the arrival rate")),
                def("start", "0s", nonNegative(dur, "time of the first arrivals"))));
        v.put("poisson", variant(k, "poisson", "Poisson arrivals at a constant rate",
                req("rate", positive(Spec.ScalarType.RATE, "arrival rate such as 2/min")),
                def("start", "0s", nonNegative(dur, "start of arrivals")),
                opt("end", nonNegative(dur, "end of arrivals; absent: the end of the run"))));
        v.put("explicit", variant(k, "explicit", "arrivals at exactly these times",
                req("times", list(nonNegative(dur, "an arrival time"), 0, "arrival times"))));
        return new Spec.OneOfSpec(k, "arrival process", v, choice(List.of("none"), "no arrivals"), true,
                "how leechers arrive");
    }

    private static Spec.OneOfSpec event() {
        LinkedHashMap<String, Spec.ObjectSpec> v = new LinkedHashMap<>();
        v.put("remove-seeds", event("remove-seeds", "online seeds leave, lowest peer ids first",
                req("count", scalar(Spec.ScalarType.COUNT_OR_ALL, 0, false, MAX_INT, "how many seeds, or all"))));
        v.put("add-peers", event("add-peers", "a batch of peers arrives at once",
                req("count", integer(0, MAX_INT, "how many peers")),
                def("seeds", "false", bool("whether they arrive as seeds")),
                opt("class", name("their peer class; absent: drawn by share")),
                opt("client", name("their client; absent: drawn by share"))));
        v.put("set-spending-rate", event("set-spending-rate", "the user changes the spending rate of a Speed client's"
                        + " auto-bid (or shader) peers: online leechers re-bid at once, later arrivals start with it",
                req("spendingRate", scalar(Spec.ScalarType.NUMBER, 0, false, 1,
                        "the new spending rate, in [0, 1]")),
                opt("client", name("the Speed client whose peers change; absent: every Speed client")),
                opt("class", name("only peers of this peer class; absent: every class"))));
        return new Spec.OneOfSpec("action", "event action", v, null, false, "a timed action");
    }

    /** An event shape: {@code at} first, then the {@code action} that picks it, then its own keys. */
    private static Spec.ObjectSpec event(String action, String d, Spec.Field... fields) {
        List<Spec.Field> all = new ArrayList<>();
        all.add(req("at", nonNegative(Spec.ScalarType.DURATION, "when, from the start of the run")));
        all.add(req("action", choice(List.of(action), d)));
        all.addAll(List.of(fields));
        return new Spec.ObjectSpec(d, all);
    }
}
