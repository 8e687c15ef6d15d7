package org.speedsim.strategies;

import java.util.List;
import java.util.Objects;
import org.speedsim.engine.bt.RandomPicker;
import org.speedsim.engine.bt.RarestFirstPicker;
import org.speedsim.engine.bt.Seeding;
import org.speedsim.engine.bt.TitForTatChoker;
import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.AuctionOutcome;
import org.speedsim.engine.speed.auction.Pricing;
import org.speedsim.engine.speed.auction.SlotAllocation;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.PiecePicker;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.strategies.auction.AuctionFormats;
import org.speedsim.strategies.auction.FirstPriceAuction;
import org.speedsim.strategies.auction.UniformPriceAuction;
import org.speedsim.strategies.auction.VcgAuction;
import org.speedsim.strategies.bidding.AutoBid;
import org.speedsim.strategies.bidding.BidShader;
import org.speedsim.strategies.bidding.FixedBid;
import org.speedsim.strategies.bidding.FreeRider;
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

    /**
     * A strategy as a scenario names it: its name and arguments are its identity (equal when kind, name and
     * arguments are), whatever object the factory behind it is.
     */
    public abstract static class Named {
        private final String name;
        private final StrategyArgs args;

        Named(String name, StrategyArgs args) {
            this.name = Objects.requireNonNull(name, "name");
            this.args = Objects.requireNonNull(args, "args");
        }

        public String name() {
            return name;
        }

        public StrategyArgs args() {
            return args;
        }

        @Override
        public final boolean equals(Object o) {
            return o != null && o.getClass() == getClass() && ((Named) o).name.equals(name)
                    && ((Named) o).args.equals(args);
        }

        @Override
        public final int hashCode() {
            return name.hashCode() * 31 + args.hashCode();
        }

        @Override
        public final String toString() {
            return name + args.values();
        }
    }

    /** A choking policy factory with its scenario name and arguments. */
    public static final class NamedChoking extends Named implements ChokingPolicy.Factory {
        private final ChokingPolicy.Factory factory;

        public NamedChoking(String name, StrategyArgs args, ChokingPolicy.Factory factory) {
            super(name, args);
            this.factory = factory;
        }

        @Override
        public ChokingPolicy create(int peer) {
            return factory.create(peer);
        }
    }

    /** A piece picker factory with its scenario name and arguments. */
    public static final class NamedPicking extends Named implements PiecePicker.Factory {
        private final PiecePicker.Factory factory;

        public NamedPicking(String name, StrategyArgs args, PiecePicker.Factory factory) {
            super(name, args);
            this.factory = factory;
        }

        @Override
        public PiecePicker create(int peer) {
            return factory.create(peer);
        }
    }

    /** A seeding behaviour factory with its scenario name and arguments. */
    public static final class NamedSeeding extends Named implements SeedingBehaviour.Factory {
        private final SeedingBehaviour.Factory factory;

        public NamedSeeding(String name, StrategyArgs args, SeedingBehaviour.Factory factory) {
            super(name, args);
            this.factory = factory;
        }

        @Override
        public SeedingBehaviour create(int peer, java.util.random.RandomGenerator behaviourRng) {
            return factory.create(peer, behaviourRng);
        }
    }

    /** A bidding strategy factory with its scenario name and arguments. */
    public static final class NamedBidding extends Named implements BiddingStrategy.Factory {
        private final BiddingStrategy.Factory factory;

        public NamedBidding(String name, StrategyArgs args, BiddingStrategy.Factory factory) {
            super(name, args);
            this.factory = factory;
        }

        @Override
        public BiddingStrategy create(int peer, java.util.random.RandomGenerator behaviourRng) {
            return factory.create(peer, behaviourRng);
        }
    }

    /** An auction format with its scenario name (formats are stateless, so the name alone identifies one). */
    public static final class NamedAuction extends Named implements AuctionFormat {
        private final AuctionFormat format;

        public NamedAuction(String name, StrategyArgs args, AuctionFormat format) {
            super(name, args);
            this.format = format;
        }

        @Override
        public Pricing pricing() {
            return format.pricing();
        }

        @Override
        public void run(long[] bids, int n, int slots, long reserve, AuctionOutcome out) {
            format.run(bids, n, slots, reserve, out);
        }
    }

    private final StrategyCatalogue<ChokingPolicy.Factory> choking =
            new StrategyCatalogue<>("choking", "tit-for-tat", NamedChoking::new);
    private final StrategyCatalogue<PiecePicker.Factory> picking =
            new StrategyCatalogue<>("picking", "rarest-first", NamedPicking::new);
    private final StrategyCatalogue<SeedingBehaviour.Factory> seeding =
            new StrategyCatalogue<>("seeding", "leave-at-once", NamedSeeding::new);
    private final StrategyCatalogue<BiddingStrategy.Factory> bidding =
            new StrategyCatalogue<>("bidding", "auto", NamedBidding::new);
    private final StrategyCatalogue<AuctionFormat> auction =
            new StrategyCatalogue<>("auction", UniformPriceAuction.NAME, NamedAuction::new);
    // SlotAllocation is sealed and its implementations are records: they are values already
    private final StrategyCatalogue<SlotAllocation> allocation =
            new StrategyCatalogue<>("allocation", "bids-first", (name, args, a) -> a);

    /** An empty registry (no names); see {@link #builtIn()}. */
    public StrategyRegistry() {
    }

    /** A fresh registry holding every built-in strategy. */
    public static StrategyRegistry builtIn() {
        StrategyRegistry r = new StrategyRegistry();
        r.choking.add("tit-for-tat", "reciprocate the best uploaders; seeds favour the fastest downloaders",
                List.of(), a -> TitForTatChoker::new);
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
                a -> AuctionFormats.byName(UniformPriceAuction.NAME));
        r.auction.add(VcgAuction.NAME, "every winner pays the externality it imposes (VCG)", List.of(),
                a -> AuctionFormats.byName(VcgAuction.NAME));
        r.auction.add(FirstPriceAuction.NAME, "every winner pays its bid", List.of(),
                a -> AuctionFormats.byName(FirstPriceAuction.NAME));
        r.allocation.add("bids-first", "the auction fills the regular slots; reciprocation fills what is left",
                List.of(), a -> new SlotAllocation.BidsFirst());
        r.allocation.add("weighted", "slots go to the best scores weight * bid + (1 - weight) * reciprocation",
                List.of(StrategyParam.number("weight", 1, null, "weight of the normalised bid, in [0, 1]")),
                a -> new SlotAllocation.Weighted(a.doubleValue("weight")));
        return r;
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

    /** How Speed providers share their regular slots between bids and reciprocation. */
    public StrategyCatalogue<SlotAllocation> allocation() {
        return allocation;
    }
}
