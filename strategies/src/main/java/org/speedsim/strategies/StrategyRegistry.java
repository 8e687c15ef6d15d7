package org.speedsim.strategies;

import java.util.List;
import org.speedsim.strategies.picking.RandomPicker;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.SlotAllocation;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.PiecePicker;
import org.speedsim.engine.swarm.SeedPolicy;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.strategies.auction.FirstPriceAuction;
import org.speedsim.strategies.auction.UniformPriceAuction;
import org.speedsim.strategies.auction.VcgAuction;
import org.speedsim.strategies.bidding.AutoBid;
import org.speedsim.strategies.bidding.BidShader;
import org.speedsim.strategies.bidding.FixedBid;
import org.speedsim.strategies.bidding.FreeRider;
import org.speedsim.strategies.observers.DownloadTimeObserver;
import org.speedsim.strategies.seeding.EarningsAwareSeeding;

/**
 * The one place that maps strategy names, as scenario files write them, to engine factories. Adding a strategy is
 * one {@code add} line in {@link #builtIn()}; the scenario validator and the JSON Schema take the names and
 * parameters from here.
 *
 * <p>Invariant: a factory built here equals every other built from the same kind, name and arguments (so two
 * loads of one scenario give equal configurations), and its {@code toString} is its name and arguments.
 */
public final class StrategyRegistry {

    private final StrategyCatalogue<ChokingPolicy.Factory> choking =
            new StrategyCatalogue<>("choking", ChokingPolicy.Factory.class, "tit-for-tat", false);
    private final StrategyCatalogue<PiecePicker.Factory> picking =
            new StrategyCatalogue<>("picking", PiecePicker.Factory.class, "rarest-first", false);
    private final StrategyCatalogue<SeedingBehaviour.Factory> seeding =
            new StrategyCatalogue<>("seeding", SeedingBehaviour.Factory.class, "leave-at-once", false);
    private final StrategyCatalogue<BiddingStrategy.Factory> bidding =
            new StrategyCatalogue<>("bidding", BiddingStrategy.Factory.class, "auto", false);
    // an auction format runs at every choking round of a provider: formats compare as values instead of being wrapped
    private final StrategyCatalogue<AuctionFormat> auction =
            new StrategyCatalogue<>("auction", AuctionFormat.class, UniformPriceAuction.NAME, true);
    // slot allocations are values (records, plug-ins' too): they compare with equals instead of being wrapped
    private final StrategyCatalogue<SlotAllocation> allocation =
            new StrategyCatalogue<>("allocation", SlotAllocation.class, "bids-first", true);

    // observers: extensions that watch a run and add summary fields; a scenario lists any number, none by default
    private final StrategyCatalogue<SwarmExtension.Factory> observer =
            new StrategyCatalogue<>("observer", SwarmExtension.Factory.class, null, false);

    /** An empty registry (no names); see {@link #builtIn()}. */
    public StrategyRegistry() {
    }

    /** A fresh registry holding every built-in strategy. */
    public static StrategyRegistry builtIn() {
        StrategyRegistry r = new StrategyRegistry();
        r.choking.add("tit-for-tat", "reciprocate the best uploaders; a seed serves its neighbours round-robin"
                        + " (longest unserved first)", List.of(),
                a -> TitForTatChoker.withSeedPolicy(SeedPolicy.ROUND_ROBIN));
        r.choking.add("tit-for-tat-upload-rate", "reciprocate the best uploaders; a seed serves the neighbours it"
                        + " uploads to fastest (mainline's older rule)", List.of(),
                a -> TitForTatChoker.withSeedPolicy(SeedPolicy.UPLOAD_RATE));
        r.picking.add("rarest-first", "random first piece, then rarest first, strict priority, end game",
                List.of(), a -> RarestFirstPicker::new);
        r.picking.add("random", "random piece among those the neighbour has", List.of(), a -> RandomPicker::new);
        r.seeding.add("leave-at-once", "leave the moment the download completes", List.of(),
                a -> Seeding.leaveAtOnce());
        r.seeding.add("fixed", "seed for exactly `time`",
                List.of(StrategyParam.duration("time", true, "seeding time")), a -> Seeding.fixed(a.longValue("time")));
        r.seeding.add("exponential", "seed for an exponential time with mean `mean`",
                List.of(StrategyParam.duration("mean", false, "mean seeding time")),
                a -> Seeding.exponential(a.longValue("mean")));
        r.seeding.add("forever", "seed until the end of the run", List.of(), a -> Seeding.forever());
        r.seeding.add("earnings-aware", "BitTorrent Speed's seed: keeps seeding while it earns at least `reservation`"
                        + " per `window`, deciding first one `window` after completing (or at `minSeed` if later)"
                        + " and then every `check`; a seed that earns nothing, such as a legacy peer, leaves at that"
                        + " first decision",
                List.of(new StrategyParam("reservation", StrategyParam.Type.TOKENS, true, null,
                                "tokens the seed must earn per window to stay (0: never leaves)"),
                        new StrategyParam("window", StrategyParam.Type.DURATION, false, "10min",
                                "window the earnings are measured over"),
                        new StrategyParam("check", StrategyParam.Type.DURATION, false, "1min",
                                "time between two decisions"),
                        new StrategyParam("minSeed", StrategyParam.Type.DURATION, true, "0s",
                                "least seeding time")),
                a -> EarningsAwareSeeding.factory(
                        new Distribution.Fixed(a.longValue("reservation") * 1e6 / a.longValue("window")),
                        a.longValue("window"), a.longValue("check"), a.longValue("minSeed")));
        StrategyParam spendingRate = StrategyParam.number("spendingRate", 1, "1.0",
                "fraction of the balance the bid may spend on the rest of the download, in [0, 1]");
        r.bidding.add("auto", "the white paper's automatic bid: spendingRate * balance / remaining KiB",
                List.of(spendingRate), a -> AutoBid.factory(a.doubleValue("spendingRate")));
        r.bidding.add("fixed", "always bids `price`",
                List.of(new StrategyParam("price", StrategyParam.Type.PRICE, true, null, "the bid")),
                a -> FixedBid.factory(a.longValue("price")));
        r.bidding.add("free-rider", "never bids (downloads only from reciprocation and free slots)", List.of(),
                a -> FreeRider.factory());
        r.bidding.add("shader", "bids `factor` times the automatic bid at the same spending rate",
                List.of(StrategyParam.number("factor", 1, null, "shading factor in [0, 1]"), spendingRate),
                a -> BidShader.factory(a.doubleValue("spendingRate"), a.doubleValue("factor")));
        r.auction.add(UniformPriceAuction.NAME, "every winner pays the highest losing bid (truthful)", List.of(),
                a -> new UniformPriceAuction());
        r.auction.add(VcgAuction.NAME, "every winner pays the externality it imposes (VCG)", List.of(),
                a -> new VcgAuction());
        r.auction.add(FirstPriceAuction.NAME, "every winner pays its bid", List.of(),
                a -> new FirstPriceAuction());
        r.allocation.add("bids-first", "the auction fills the regular slots; reciprocation fills what is left",
                List.of(), a -> new SlotAllocation.BidsFirst());
        r.allocation.add("weighted", "slots go to the best scores weight * bid + (1 - weight) * reciprocation",
                List.of(StrategyParam.number("weight", 1, null, "weight of the normalised bid, in [0, 1]")),
                a -> new SlotAllocation.Weighted(a.doubleValue("weight")));
        r.observer.add(DownloadTimeObserver.NAME, "adds the q-quantile of the leechers' download times (arrival to"
                        + " completion) to the run summary, as " + DownloadTimeObserver.FIELD,
                List.of(StrategyParam.number("quantile", 1, "0.5", "the quantile, in [0, 1]")),
                a -> DownloadTimeObserver.factory(a.values().isEmpty() ? 0.5 : a.doubleValue("quantile")));
        return r;
    }

    /** Every kind of strategy, in the order of the scenario keys: choking, picking, ... observer. */
    public List<StrategyCatalogue<?>> kinds() {
        return List.of(choking, picking, seeding, bidding, auction, allocation, observer);
    }

    /**
     * Registers a plug-in beside the built-ins, under the kind its {@link StrategyPlugin#kind()} names.
     *
     * @param origin the jar it comes from, for messages
     * @throws IllegalArgumentException naming what is wrong: an unknown kind, a bad name, a name already taken
     */
    public void register(StrategyPlugin<?> plugin, String origin) {
        Class<?> type = plugin.kind();
        String name = plugin.name();
        if (name == null || !name.matches("[A-Za-z0-9_.-]{1,64}")) {
            throw new IllegalArgumentException("bad name '" + name + "' (1 to 64 letters, digits, '_', '-', '.')");
        }
        for (StrategyCatalogue<?> c : kinds()) {
            if (c.type() == type) {
                add(c, plugin, origin);
                return;
            }
        }
        throw new IllegalArgumentException("kind " + (type == null ? null : type.getName())
                + " is not a strategy kind; one of: " + kinds().stream().map(c -> c.type().getName()).toList());
    }

    private static <F> void add(StrategyCatalogue<F> catalogue, StrategyPlugin<?> plugin, String origin) {
        catalogue.add(new StrategyCatalogue.Entry<>(plugin.name(), plugin.description(), plugin.params(),
                args -> create(catalogue.type(), plugin, args, origin), origin));
    }

    /** Builds a plug-in's strategy; a class of the plug-in that fails to load is a one-line error naming the jar. */
    private static <F> F create(Class<F> type, StrategyPlugin<?> plugin, StrategyArgs args, String origin) {
        Object built;
        try {
            built = plugin.create(args);
        } catch (LinkageError e) {
            throw new IllegalArgumentException("plug-in " + plugin.name() + " (" + origin + ") fails to load a class: "
                    + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        if (!type.isInstance(built)) {
            throw new IllegalArgumentException("plug-in " + plugin.name() + " (" + origin + ") built "
                    + (built == null ? "nothing" : "a " + built.getClass().getName()) + ", not a " + type.getName());
        }
        return type.cast(built);
    }

    public StrategyCatalogue<ChokingPolicy.Factory> choking() {
        return choking;
    }

    public StrategyCatalogue<PiecePicker.Factory> picking() {
        return picking;
    }

    public StrategyCatalogue<SeedingBehaviour.Factory> seeding() {
        return seeding;
    }

    /** Bidding strategies of Speed requesters. */
    public StrategyCatalogue<BiddingStrategy.Factory> bidding() {
        return bidding;
    }

    /** Auction formats of Speed providers. */
    public StrategyCatalogue<AuctionFormat> auction() {
        return auction;
    }

    /** Observers a scenario may list under {@code observers}: extensions that add summary fields. */
    public StrategyCatalogue<SwarmExtension.Factory> observer() {
        return observer;
    }

    /** How Speed providers share their regular slots between bids and reciprocation. */
    public StrategyCatalogue<SlotAllocation> allocation() {
        return allocation;
    }
}
