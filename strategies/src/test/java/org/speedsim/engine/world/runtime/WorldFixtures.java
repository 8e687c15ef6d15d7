package org.speedsim.engine.world.runtime;

import java.util.ArrayList;
import java.util.List;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.SpeedConfig;
import org.speedsim.engine.speed.SpeedSettings;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.PeerClass;
import org.speedsim.engine.swarm.ProtocolConfig;
import org.speedsim.engine.world.CatalogueConfig;
import org.speedsim.engine.world.ClientShare;
import org.speedsim.engine.world.LibrarySeeding;
import org.speedsim.engine.world.PopulationConfig;
import org.speedsim.engine.world.WorldConfig;
import org.speedsim.engine.world.WorldRunConfig;
import org.speedsim.strategies.auction.UniformPriceAuction;
import org.speedsim.strategies.bidding.AutoBid;
import org.speedsim.strategies.bidding.FreeRider;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;

/** World configurations for the runtime's tests, with the production strategies. Times in microseconds. */
final class WorldFixtures {

    static final long S = 1_000_000L;
    static final long MIN = 60 * S;
    static final long HOUR = 60 * MIN;
    static final long DAY = 24 * HOUR;
    static final double MBIT = 1e6 / 8;

    private WorldFixtures() {
    }

    static List<PeerClass> classes() {
        return List.of(new PeerClass("dsl", 0.7, new Distribution.Fixed(1 * MBIT), new Distribution.Fixed(8 * MBIT)),
                new PeerClass("fibre", 0.3, new Distribution.Fixed(10 * MBIT), new Distribution.Fixed(50 * MBIT)));
    }

    static SpeedSettings honest() {
        return SpeedSettings.honest(AutoBid.factory(1.0), new UniformPriceAuction(),
                new Distribution.Fixed(0)).withReserve(2000);
    }

    static ClientSpec legacy(double share, long meanSeedMicros) {
        return new ClientSpec("legacy", share, false, TitForTatChoker::new, RarestFirstPicker::new,
                Seeding.exponential(meanSeedMicros));
    }

    static ClientSpec speed(double share, long meanSeedMicros) {
        return ClientSpec.speedClient("speed", share, RarestFirstPicker::new, Seeding.exponential(meanSeedMicros),
                honest());
    }

    static SpeedConfig speedConfig(boolean checkEveryOperation) {
        LedgerConfig ledger = new LedgerConfig(2 * S, 20, 600 * S, SignatureMode.ACCOUNTING);
        return new SpeedConfig(ledger, 4, 8 * S, 2, 300 * S, 60 * S, false, checkEveryOperation,
                new Distribution.Fixed(20_000));
    }

    /** A world with the given clients (shares in their specs), catalogue and users; every other key fixed. */
    static WorldRunConfig world(long seed, List<ClientSpec> clients, CatalogueConfig catalogue,
                                PopulationConfig population, long horizon, LibrarySeeding seeding,
                                boolean checkEveryOperation) {
        List<ClientShare> shares = new ArrayList<>();
        for (ClientSpec c : clients) {
            shares.add(new ClientShare(c.name(), c.share()));
        }
        WorldConfig world = new WorldConfig(catalogue, population.withClients(shares), horizon);
        boolean anySpeed = clients.stream().anyMatch(ClientSpec::speed);
        return new WorldRunConfig("test-world", seed, 0, world, clients, ProtocolConfig.DEFAULT,
                anySpeed ? speedConfig(checkEveryOperation) : null, seeding,
                new PeerClass("publisher", 0, new Distribution.Fixed(10 * MBIT), new Distribution.Fixed(50 * MBIT)),
                10 * MIN, "max-min");
    }

    /** A small busy world: releases, sessions, returns, requests, half Speed. */
    static WorldRunConfig small(long seed, double speedShare, boolean checkEveryOperation) {
        CatalogueConfig catalogue = new CatalogueConfig(12, new Distribution.Uniform(0, DAY), 6.0 / 86400,
                new Distribution.Uniform(2e6, 8e6), 256 * 1024, 0.9, DAY, new Distribution.Exponential(3 * HOUR));
        PopulationConfig population = new PopulationConfig(60, classes(), List.of(new ClientShare("x", 1)),
                new Distribution.Uniform(0, 6 * HOUR), new Distribution.Exponential(2 * HOUR),
                new Distribution.Exponential(4 * HOUR), 2.0 / 3600, new Distribution.Fixed(20 * MIN),
                new Distribution.Uniform(2e6, 20e6));
        List<ClientSpec> clients = List.of(legacy(1 - speedShare, 30 * MIN), speed(speedShare, 30 * MIN));
        return world(seed, clients, catalogue, population, DAY, LibrarySeeding.DEFAULT, checkEveryOperation);
    }
}
