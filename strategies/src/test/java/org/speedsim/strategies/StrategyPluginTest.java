package org.speedsim.strategies;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.SlotAllocation;
import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.PiecePicker;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.strategies.auction.VcgAuction;

/**
 * Plug-ins of every pluggable kind land in the catalogue of that kind, named and parameterised like built-ins; a
 * kind that is not one, a bad name or a taken name is refused with a message naming it.
 */
class StrategyPluginTest {

    private record Plugin<F>(Class<F> kind, String name, List<StrategyParam> params, F built)
            implements StrategyPlugin<F> {
        @Override
        public String description() {
            return "a test plug-in";
        }

        @Override
        public F create(StrategyArgs args) {
            return built;
        }
    }

    @Test
    void eachKindGoesToItsCatalogue() {
        StrategyRegistry r = StrategyRegistry.builtIn();
        ChokingPolicy.Factory choker = peer -> view -> { };
        PiecePicker.Factory picker = peer -> view -> -1;
        SeedingBehaviour.Factory seeding = (peer, rng) -> ctx -> SeedingBehaviour.Decision.STAY;
        SwarmExtension.Factory observer = control -> new SwarmExtension() { };
        AuctionFormat auction = new VcgAuction();
        StrategyParam level = StrategyParam.number("level", 1, "0.5", "a level");
        r.register(new Plugin<>(ChokingPolicy.Factory.class, "p-choke", List.of(level), choker), "c.jar");
        r.register(new Plugin<>(PiecePicker.Factory.class, "p-pick", List.of(), picker), "p.jar");
        r.register(new Plugin<>(SeedingBehaviour.Factory.class, "p-seed", List.of(), seeding), "s.jar");
        r.register(new Plugin<>(SwarmExtension.Factory.class, "p-watch", List.of(), observer), "o.jar");
        r.register(new Plugin<>(AuctionFormat.class, "p-auction", List.of(), auction), "a.jar");
        SlotAllocation allocation = (bids, reciprocation, n, slots, reserve, format, out) -> out.clear();
        r.register(new Plugin<>(SlotAllocation.class, "p-allocate", List.of(), allocation), "l.jar");
        StrategyArgs args = new StrategyArgs(Map.of("level", 0.25));
        ChokingPolicy.Factory named = r.choking().create("p-choke", args);
        assertEquals("p-choke", assertInstanceOf(NamedStrategy.class, named).name());
        assertEquals(named, r.choking().create("p-choke", args), "named by name and arguments");
        assertEquals(List.of(level), r.choking().find("p-choke").params());
        assertEquals("c.jar", r.choking().find("p-choke").origin());
        assertTrue(r.picking().names().contains("p-pick"));
        assertTrue(r.seeding().names().contains("p-seed"));
        assertTrue(r.observer().names().contains("p-watch"));
        assertSame(auction, r.auction().create("p-auction", StrategyArgs.NONE), "formats are not wrapped");
        assertSame(allocation, r.allocation().create("p-allocate", StrategyArgs.NONE), "allocations are values");
    }

    @Test
    void wrongKindsNamesAndClashesAreRefused() {
        StrategyRegistry r = StrategyRegistry.builtIn();
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> r.register(new Plugin<>(String.class, "text", List.of(), "x"), "k.jar"));
        assertTrue(kind.getMessage().startsWith("kind java.lang.String is not a strategy kind"), kind.getMessage());
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> r.register(new Plugin<>(PiecePicker.Factory.class, "has space", List.of(),
                        (PiecePicker.Factory) peer -> view -> -1), "n.jar"));
        assertTrue(name.getMessage().contains("bad name 'has space'"), name.getMessage());
        IllegalArgumentException builtIn = assertThrows(IllegalArgumentException.class,
                () -> r.register(new Plugin<>(PiecePicker.Factory.class, "random", List.of(),
                        (PiecePicker.Factory) peer -> view -> -1), "b.jar"));
        assertEquals("picking strategy 'random' is provided twice: by built-in and by b.jar", builtIn.getMessage());
        r.register(new Plugin<>(PiecePicker.Factory.class, "mine", List.of(),
                (PiecePicker.Factory) peer -> view -> -1), "one.jar");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> r.register(new Plugin<>(PiecePicker.Factory.class, "mine", List.of(),
                        (PiecePicker.Factory) peer -> view -> -1), "two.jar"));
        assertEquals("picking strategy 'mine' is provided twice: by one.jar and by two.jar", twice.getMessage());
    }
}
