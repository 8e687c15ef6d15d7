package org.speedsim.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.world.CatalogueConfig;
import org.speedsim.engine.world.ClientShare;
import org.speedsim.engine.world.LibrarySeeding;
import org.speedsim.engine.world.PopulationConfig;
import org.speedsim.engine.world.WorldConfig;
import org.speedsim.engine.world.WorldRunConfig;
import org.speedsim.strategies.StrategyRegistry;

/**
 * Turns a normalized world tree ({@link WorldModel}) into a {@link WorldRunConfig}, as {@link ConfigBuilder} does
 * for swarms and with its checks of the shared blocks. {@link #check} adds what a spec cannot say about single
 * values: unique names and shares summing to 1, min <= max in distributions, and the sizes a run could not hold
 * (more torrents than {@link CatalogueConfig#MAX_TORRENTS} expected, pieces larger than the mean torrent, torrents
 * of more pieces than an int counts, an airdrop supply beyond 64 bits, more sessions per user than
 * {@link #MAX_SESSIONS}, a time series of more than {@link #MAX_SAMPLES} rows), so that they are refused before any
 * work starts.
 *
 * <p>Invariant: {@code build} returns a config only when no problem was found; no engine exception escapes.
 */
final class WorldConfigBuilder {

    /** Most sessions one user may have on average within the horizon (the runtime counts them in an int). */
    static final long MAX_SESSIONS = Integer.MAX_VALUE;

    /** Most rows of {@code timeseries.csv} (horizon / interval) a world may ask for. */
    static final long MAX_SAMPLES = 10_000_000L;

    private final ConfigBuilder shared;
    private final Validator v;

    WorldConfigBuilder(StrategyRegistry registry, Validator validator) {
        this.shared = new ConfigBuilder(registry, validator);
        this.v = validator;
    }

    /**
     * Before validation: a world client's {@code balance} is reported as such (a world user's tokens come from
     * {@code users.airdrop}) and removed, so that the validator does not report it again as an unknown key.
     */
    YNode.Map withoutClientBalances(YNode.Map root) {
        if (!(root.get("clients") instanceof YNode.Seq clients)) {
            return root;
        }
        List<YNode> items = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < clients.items().size(); i++) {
            YNode item = clients.items().get(i);
            YNode.Entry balance = item instanceof YNode.Map m ? m.entry("balance") : null;
            if (balance != null) {
                v.problem(balance.keyOrigin(), "clients[" + i + "].balance", "a world user's tokens come once from"
                        + " users.airdrop, not from its client; remove balance (or set users.airdrop)");
                item = ((YNode.Map) item).without("balance");
                changed = true;
            }
            items.add(item);
        }
        return changed ? root.with("clients", root.entry("clients").keyOrigin(),
                new YNode.Seq(clients.origin(), items)) : root;
    }

    /** Adds a problem for every broken relation between valid values, and every size a run could not hold. */
    void check(YNode.Map root) {
        shared.checkProtocol(root);
        shared.group(root, "peerClasses", "peer class");
        shared.group(root, "clients", "client");
        shared.checkClassLinks(root);
        shared.checkSpeed(root);
        YNode.Map catalogue = shared.map(root, "catalogue");
        YNode.Map publisher = shared.map(catalogue, "publisher");
        YNode.Map users = shared.map(root, "users");
        distribution(catalogue, "initialAge", "catalogue", Units::micros);
        distribution(catalogue, "size", "catalogue", Units::bytes);
        distribution(publisher, "residence", "catalogue.publisher", Units::micros);
        distribution(publisher, "upload", "catalogue.publisher", Units::bytesPerSecond);
        distribution(publisher, "download", "catalogue.publisher", Units::bytesPerSecond);
        for (String key : List.of("firstArrival", "online", "offline", "patience")) {
            distribution(users, key, "users", Units::micros);
        }
        distribution(users, "airdrop", "users", Units::microBtt);
        String duration = shared.leaf(root, "duration");
        checkPieces(catalogue);
        checkTorrents(catalogue, duration);
        checkSessions(users, duration);
        checkSupply(users);
        String interval = shared.leaf(shared.map(root, "metrics"), "interval");
        if (duration != null && interval != null && Units.micros(duration) / Units.micros(interval) > MAX_SAMPLES) {
            YNode intervalNode = ((YNode.Map) root.get("metrics")).get("interval");
            boolean intervalWritten = written(intervalNode);
            v.problem(intervalWritten ? intervalNode.origin() : root.get("duration").origin(),
                    intervalWritten ? "metrics.interval" : "duration", "a horizon of "
                    + duration + " sampled every " + interval + " gives " + Units.micros(duration)
                    / Units.micros(interval) + " rows; at most " + MAX_SAMPLES);
        }
    }

    /** Whether a value was written by the user (in a file or a --set), not filled in as a default. */
    private static boolean written(YNode n) {
        return n != null && !n.origin().file().equals(YamlReader.DEFAULT_ORIGIN);
    }

    private void distribution(YNode.Map m, String key, String path, ToDoubleFunction<String> unit) {
        shared.checkDistribution(m == null ? null : m.get(key), path + "." + key, unit);
    }

    /** The mean of a valid distribution, or NaN when it is invalid or inconsistent (reported elsewhere). */
    private double mean(YNode n, ToDoubleFunction<String> unit) {
        if (n == null || !v.isValid(n) || (n instanceof YNode.Map m && !allValid(m))) {
            return Double.NaN;
        }
        try {
            return ConfigBuilder.distribution(n, unit).mean();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private boolean allValid(YNode n) {
        if (!v.isValid(n)) {
            return false;
        }
        if (n instanceof YNode.Map m) {
            return m.entries().stream().allMatch(e -> allValid(e.value()));
        }
        if (n instanceof YNode.Seq s) {
            return s.items().stream().allMatch(this::allValid);
        }
        return true;
    }

    /** A piece no larger than the mean torrent, and no torrent of more pieces than an int counts. */
    private void checkPieces(YNode.Map catalogue) {
        String piece = shared.leaf(catalogue, "pieceSize");
        YNode size = catalogue == null ? null : catalogue.get("size");
        if (piece == null || size == null) {
            return;
        }
        long pieceBytes = Units.bytes(piece);
        double mean = mean(size, Units::bytes);
        boolean pieceWritten = written(catalogue.get("pieceSize"));
        YNode.Origin at = pieceWritten ? catalogue.get("pieceSize").origin() : size.origin();
        String path = pieceWritten ? "catalogue.pieceSize" : "catalogue.size";
        if (mean < pieceBytes) {
            v.problem(at, path, "a piece of " + piece + " is larger than the mean torrent size ("
                    + (long) Math.floor(mean) + " bytes): most torrents would be smaller than one piece");
            return;
        }
        double largest = allValid(size) ? shared.largest(size, Units::bytes) : 0;
        if (largest + pieceBytes >= 0x1p63) {
            v.problem(at, path, "torrents of up to " + new java.math.BigDecimal(largest).toBigInteger()
                    + " bytes in pieces of " + piece + " do not fit a 64-bit count of bytes; give smaller sizes");
        } else if (largest / pieceBytes > Integer.MAX_VALUE / 2.0) {
            v.problem(at, path, "torrents of up to " + (long) Math.min(Long.MAX_VALUE, largest)
                    + " bytes in pieces of " + piece + " would have more than " + Integer.MAX_VALUE / 2
                    + " pieces; use larger pieces or a size distribution with a shorter tail");
        }
    }

    /** At most {@link CatalogueConfig#MAX_TORRENTS} torrents expected within the horizon. */
    private void checkTorrents(YNode.Map catalogue, String duration) {
        String initial = shared.leaf(catalogue, "initialTorrents");
        String releases = shared.leaf(catalogue, "releases");
        if (initial == null || releases == null || duration == null) {
            return;
        }
        double expected = Long.parseLong(initial.replace("_", ""))
                + Units.perSecond(releases) * (Units.micros(duration) / 1e6);
        if (expected > CatalogueConfig.MAX_TORRENTS) {
            String key = written(catalogue.get("releases")) ? "releases" : "initialTorrents";
            v.problem(catalogue.get(key).origin(), "catalogue." + key, initial + " initial torrents and "
                    + releases + " over " + duration + " make " + (long) Math.min(Long.MAX_VALUE, expected)
                    + " torrents expected; at most " + CatalogueConfig.MAX_TORRENTS);
        }
    }

    /**
     * Online sessions of positive mean (users of empty sessions would never request anything), and no more sessions
     * per returning user within the horizon, on average, than the runtime's int session counter holds.
     */
    private void checkSessions(YNode.Map users, String duration) {
        YNode online = users == null ? null : users.get("online");
        double mean = mean(online, Units::micros);
        if (mean == 0) {
            v.problem(online.origin(), "users.online", "online sessions of mean 0 leave users no time to request or"
                    + " seed anything; give a positive duration");
            return;
        }
        YNode offline = users == null ? null : users.get("offline");
        if (offline instanceof YNode.Scalar s && s.text().equals(Spec.ScalarSpec.NEVER) || duration == null) {
            return;
        }
        double away = mean(offline, Units::micros);
        double cycles = Units.micros(duration) / (mean + away);
        if (cycles > MAX_SESSIONS) {
            v.problem(offline.origin(), "users.offline", "sessions of " + (long) mean + " us online and "
                    + (long) away + " us offline on average make " + (long) cycles
                    + " sessions per user within the horizon (" + duration + "); at most " + MAX_SESSIONS);
        }
    }

    /** Every user's largest airdrop, summed over the users, fits the ledger's 64-bit micro-BTT supply. */
    private void checkSupply(YNode.Map users) {
        String count = shared.leaf(users, "count");
        YNode airdrop = users == null ? null : users.get("airdrop");
        if (count == null || airdrop == null || !allValid(airdrop)) {
            return;
        }
        long n = Long.parseLong(count.replace("_", ""));
        double largest = shared.largest(airdrop, Units::microBtt);
        if (n > 0 && largest * n > Long.MAX_VALUE) {
            v.problem(airdrop.origin(), "users.airdrop", n + " users with airdrops up to "
                    + new java.math.BigDecimal(largest / 1e6).toBigInteger() + " BTT each would hold more than "
                    + Long.MAX_VALUE / 1_000_000 + " BTT, the most the ledger counts (micro-BTT in 64 bits); give"
                    + " smaller airdrops");
        }
    }

    /** The config of a tree on which validation and {@link #check} found nothing, or null with a problem. */
    WorldRunConfig build(YNode.Map root, long seed) {
        try {
            YNode.Map catalogue = ConfigBuilder.sub(root, "catalogue");
            YNode.Map publisher = ConfigBuilder.sub(catalogue, "publisher");
            YNode.Map users = ConfigBuilder.sub(root, "users");
            YNode.Map library = ConfigBuilder.sub(root, "librarySeeding");
            Distribution airdrop = ConfigBuilder.distribution(users.get("airdrop"), t -> (double) Units.microBtt(t));
            List<PeerClass> classes = ConfigBuilder.peerClasses(ConfigBuilder.list(root, "peerClasses"));
            List<ClientSpec> clients = shared.clients(ConfigBuilder.list(root, "clients"), airdrop);
            List<ClientShare> shares = clients.stream().map(c -> new ClientShare(c.name(), c.share())).toList();
            YNode offline = users.get("offline");
            PopulationConfig population = new PopulationConfig((int) ConfigBuilder.integer(users, "count"),
                    classes, shares, durations(users.get("firstArrival")), durations(users.get("online")),
                    offline instanceof YNode.Scalar s && s.text().equals(Spec.ScalarSpec.NEVER) ? null
                            : durations(offline),
                    Units.perSecond(ConfigBuilder.text(users, "requests")), durations(users.get("patience")),
                    airdrop);
            CatalogueConfig cat = new CatalogueConfig((int) ConfigBuilder.integer(catalogue, "initialTorrents"),
                    durations(catalogue.get("initialAge")), Units.perSecond(ConfigBuilder.text(catalogue, "releases")),
                    ConfigBuilder.distribution(catalogue.get("size"), t -> (double) Units.bytes(t)),
                    Units.bytes(ConfigBuilder.text(catalogue, "pieceSize")), ConfigBuilder.number(catalogue, "zipf"),
                    ConfigBuilder.micros(catalogue, "decay"), durations(publisher.get("residence")));
            boolean anySpeed = clients.stream().anyMatch(ClientSpec::speed);
            return new WorldRunConfig(ConfigBuilder.text(root, "name"), seed, 0,
                    new WorldConfig(cat, population, ConfigBuilder.micros(root, "duration")), clients,
                    ConfigBuilder.protocol(ConfigBuilder.sub(root, "protocol")),
                    anySpeed ? ConfigBuilder.speedConfig(ConfigBuilder.sub(root, "speed")) : null,
                    new LibrarySeeding((int) ConfigBuilder.integer(library, "maxAtOnce"),
                            ConfigBuilder.micros(library, "review")),
                    new PeerClass("publisher", 1, ConfigBuilder.distribution(publisher.get("upload")),
                            ConfigBuilder.distribution(publisher.get("download"))),
                    ConfigBuilder.micros(ConfigBuilder.sub(root, "metrics"), "interval"),
                    ConfigBuilder.text(ConfigBuilder.sub(root, "network"), "model"));
        } catch (RuntimeException e) {
            v.problem(root.origin(), "", "the engine rejects this world: " + e.getMessage());
            return null;
        }
    }

    private static Distribution durations(YNode n) {
        return ConfigBuilder.distribution(n, t -> (double) Units.micros(t));
    }
}
