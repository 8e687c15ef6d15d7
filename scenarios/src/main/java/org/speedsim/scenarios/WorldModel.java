package org.speedsim.scenarios;

import static org.speedsim.scenarios.ScenarioModel.INF;
import static org.speedsim.scenarios.ScenarioModel.bandwidth;
import static org.speedsim.scenarios.ScenarioModel.choice;
import static org.speedsim.scenarios.ScenarioModel.def;
import static org.speedsim.scenarios.ScenarioModel.distribution;
import static org.speedsim.scenarios.ScenarioModel.integer;
import static org.speedsim.scenarios.ScenarioModel.list;
import static org.speedsim.scenarios.ScenarioModel.nonNegative;
import static org.speedsim.scenarios.ScenarioModel.object;
import static org.speedsim.scenarios.ScenarioModel.positive;
import static org.speedsim.scenarios.ScenarioModel.req;
import static org.speedsim.scenarios.ScenarioModel.scalar;

import java.util.List;
import org.speedsim.engine.world.CatalogueConfig;
import org.speedsim.engine.world.LibrarySeeding;
import org.speedsim.engine.world.PopulationConfig;
import org.speedsim.strategies.StrategyRegistry;

/**
 * The world scenario format ({@code kind: world}) as a {@link Spec} tree, beside {@link ScenarioModel}'s swarm
 * format and sharing its blocks (protocol, speed, peerClasses, clients without balances). Every key has a default
 * except {@code kind}, so that {@code kind: world} alone describes a small world; the defaults are written here
 * once and documented in {@code scenarios/README.md}. Read by {@link WorldConfigBuilder}.
 */
final class WorldModel {

    /** Default link classes of users: one household class. */
    static final String DEFAULT_CLASSES = "[{name: household, share: 1, upload: 2Mbit/s, download: 16Mbit/s}]";
    /** Default clients: everybody runs a legacy client that seeds each completed torrent for about 30 minutes. */
    static final String DEFAULT_CLIENTS = "[{name: legacy, share: 1, seeding: {model: exponential, mean: 30min}}]";

    private final ScenarioModel swarm;

    WorldModel(StrategyRegistry registry) {
        this.swarm = new ScenarioModel(registry);
    }

    /** The whole world file. */
    Spec.ObjectSpec root() {
        Spec.ObjectSpec swarmRoot = swarm.root();
        return object("A speedsim world: many torrents and persistent users in one simulation (one clock, one"
                        + " network, one ledger).",
                swarmRoot.field("extends"),
                req("kind", choice(List.of(ScenarioModel.KIND_WORLD), "world: this file describes a world")),
                swarmRoot.field("name"),
                swarmRoot.field("seed"),
                swarmRoot.field("replications"),
                def("duration", "1d", positive(Spec.ScalarType.DURATION, "the world's horizon (simulated time)")),
                def("metrics", "{}", object("what is measured",
                        def("interval", "10min", positive(Spec.ScalarType.DURATION,
                                "sampling interval of timeseries.csv")))),
                swarmRoot.field("network"),
                def("protocol", "{}", ScenarioModel.protocol()),
                def("speed", "{}", ScenarioModel.speed()),
                def("peerClasses", DEFAULT_CLASSES, list(ScenarioModel.peerClass(), 1,
                        "bandwidth classes of users; shares sum to 1")),
                def("clients", DEFAULT_CLIENTS, list(swarm.client(true), 1,
                        "client software of users; shares sum to 1 (a share may be 0, so a variant can flip it)")),
                def("catalogue", "{}", catalogue()),
                def("users", "{}", users()),
                def("librarySeeding", "{}", object("how users seed the torrents of their library across swarms",
                        def("maxAtOnce", Integer.toString(LibrarySeeding.DEFAULT.maxAtOnce()),
                                integer(0, Integer.MAX_VALUE, "most torrents a user seeds at the same time (0: nobody"
                                        + " re-seeds its library)")),
                        def("review", Units.formatMicros(LibrarySeeding.DEFAULT.reviewMicros()),
                                positive(Spec.ScalarType.DURATION,
                                        "how often a Speed user reconsiders what it seeds")))));
    }

    private static Spec.ObjectSpec catalogue() {
        Spec.ScalarType dur = Spec.ScalarType.DURATION;
        return object("the torrents: an initial catalogue plus Poisson releases, Zipf popularity decaying after"
                        + " release, one publisher per torrent",
                def("initialTorrents", "20", integer(0, CatalogueConfig.MAX_TORRENTS,
                        "torrents present when the world starts")),
                def("initialAge", "{distribution: uniform, min: 0s, max: 7d}", distribution(dur,
                        "age of each initial torrent at the start, drawn per torrent", "duration")),
                def("releases", "4/day", nonNegative(Spec.ScalarType.RATE,
                        "rate of new releases (a Poisson process) such as 4/day; 0 for none")),
                def("size", "{distribution: lognormal, median: 64MiB, sigma: 1}", distribution(Spec.ScalarType.DATA,
                        "torrent size, drawn per torrent (rounded, at least one byte)", "data size")),
                def("pieceSize", "256KiB", positive(Spec.ScalarType.DATA, "piece size of every torrent")),
                def("zipf", "1", scalar(Spec.ScalarType.NUMBER, 0, false, CatalogueConfig.MAX_ZIPF_EXPONENT,
                        "Zipf exponent s of popularity by rank (weight rank^-s); 0: all equally popular")),
                def("decay", "2d", positive(dur, "time constant of the exponential decay of a torrent's demand"
                        + " after its release")),
                def("publisher", "{}", object("the origin seed of each torrent",
                        def("residence", "{distribution: exponential, mean: 12h}", distribution(dur,
                                "how long the publisher seeds after the torrent becomes available, drawn per"
                                        + " torrent", "duration")),
                        def("upload", "8Mbit/s", bandwidth("publisher upload capacity")),
                        def("download", "8Mbit/s", bandwidth("publisher download capacity")))));
    }

    private static Spec.ObjectSpec users() {
        Spec.ScalarType dur = Spec.ScalarType.DURATION;
        Spec.OneOfSpec offline = distribution(dur, "offline period between two sessions", "duration");
        Spec.OneOfSpec offlineOrNever = new Spec.OneOfSpec(offline.discriminator(), offline.label(),
                offline.variants(), scalar(Spec.ScalarType.DURATION_OR_NEVER, 0, false, INF,
                        "offline period (a fixed value), or never: users do not come back"),
                false, "offline period between two sessions, drawn per period; never (the default): a user that"
                + " goes offline does not come back");
        return object("the persistent users: link class, client, one airdrop, on/off sessions and requests",
                def("count", "100", integer(0, PopulationConfig.MAX_USERS, "number of persistent identities")),
                def("firstArrival", "{distribution: uniform, min: 0s, max: 6h}", distribution(dur,
                        "time of each user's first arrival (when it gets its airdrop), drawn per user", "duration")),
                def("online", "{distribution: exponential, mean: 2h}", distribution(dur,
                        "duration of an online session, drawn per session", "duration")),
                def("offline", Spec.ScalarSpec.NEVER, offlineOrNever),
                def("requests", "1/h", nonNegative(Spec.ScalarType.RATE,
                        "downloads an online user requests (a Poisson process) such as 2/h; 0 for none")),
                def("patience", "{distribution: exponential, mean: 30min}", distribution(dur,
                        "how long a request may go without progress before the user gives up, drawn per request",
                        "duration")),
                def("airdrop", "10BTT", distribution(Spec.ScalarType.TOKENS,
                        "the one airdrop each user's wallet gets at its first arrival, drawn per user",
                        "token amount")));
    }
}
