package org.speedsim.strategies;

import java.util.List;
import org.speedsim.engine.bt.RandomPicker;
import org.speedsim.engine.bt.RarestFirstPicker;
import org.speedsim.engine.bt.Seeding;
import org.speedsim.engine.bt.TitForTatChoker;
import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.PiecePicker;
import org.speedsim.engine.swarm.SeedingBehaviour;

/**
 * The one place that maps strategy names, as scenario files write them, to engine factories. Adding a strategy is
 * one {@code add} line in {@link #builtIn()}; the scenario validator and the JSON Schema take the names and
 * parameters from here.
 *
 * <p>Invariant: a factory built here equals every other built from the same kind, name and arguments (so two
 * loads of one scenario give equal configurations), and its {@code toString} is its name and arguments.
 */
public final class StrategyRegistry {

    /** A choking policy factory with its scenario name and arguments. */
    public record NamedChoking(String name, StrategyArgs args, ChokingPolicy.Factory factory)
            implements ChokingPolicy.Factory {
        @Override
        public ChokingPolicy create(int peer) {
            return factory.create(peer);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NamedChoking n && n.name.equals(name) && n.args.equals(args);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + args.hashCode();
        }

        @Override
        public String toString() {
            return name + args.values();
        }
    }

    /** A piece picker factory with its scenario name and arguments. */
    public record NamedPicking(String name, StrategyArgs args, PiecePicker.Factory factory)
            implements PiecePicker.Factory {
        @Override
        public PiecePicker create(int peer) {
            return factory.create(peer);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NamedPicking n && n.name.equals(name) && n.args.equals(args);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + args.hashCode();
        }

        @Override
        public String toString() {
            return name + args.values();
        }
    }

    /** A seeding behaviour factory with its scenario name and arguments. */
    public record NamedSeeding(String name, StrategyArgs args, SeedingBehaviour.Factory factory)
            implements SeedingBehaviour.Factory {
        @Override
        public SeedingBehaviour create(int peer, java.util.random.RandomGenerator behaviourRng) {
            return factory.create(peer, behaviourRng);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NamedSeeding n && n.name.equals(name) && n.args.equals(args);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + args.hashCode();
        }

        @Override
        public String toString() {
            return name + args.values();
        }
    }

    private final StrategyCatalogue<ChokingPolicy.Factory> choking =
            new StrategyCatalogue<>("choking", "tit-for-tat", NamedChoking::new);
    private final StrategyCatalogue<PiecePicker.Factory> picking =
            new StrategyCatalogue<>("picking", "rarest-first", NamedPicking::new);
    private final StrategyCatalogue<SeedingBehaviour.Factory> seeding =
            new StrategyCatalogue<>("seeding", "leave-at-once", NamedSeeding::new);

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
}
