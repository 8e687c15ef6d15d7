package org.speedsim.engine.world.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.speedsim.engine.world.runtime.WorldFixtures.HOUR;
import static org.speedsim.engine.world.runtime.WorldFixtures.MIN;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.ledger.ChannelStatus;
import org.speedsim.engine.ledger.Ledger;
import org.speedsim.engine.ledger.LedgerAudit;
import org.speedsim.engine.speed.SpeedSettings;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.world.CatalogueConfig;
import org.speedsim.engine.world.ClientShare;
import org.speedsim.engine.world.LibrarySeeding;
import org.speedsim.engine.world.Population;
import org.speedsim.engine.world.PopulationConfig;
import org.speedsim.engine.world.RequestRecord;
import org.speedsim.engine.world.UserRecord;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.engine.world.WorldRunConfig;
import org.speedsim.strategies.bidding.FreeRider;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;

/**
 * Tokens are conserved across the swarms of a world: after every event (so after every ledger operation, which all
 * happen inside events) the wallets, the treasury, the escrow of open channels and the funds reserved by queued
 * transactions add up to the genesis supply, computed here from the users' airdrops alone; at the end a replay of the
 * ledger's log agrees with the ledger. Users are in several swarms at once, every adversary is present, and airdrops
 * are small, so users must spend what they earned.
 */
class WorldTokenConservationTest {

    static WorldRunConfig adversarial(long seed) {
        SpeedSettings h = WorldFixtures.honest();
        List<ClientSpec> clients = List.of(
                ClientSpec.speedClient("speed", 0.4, RarestFirstPicker::new, Seeding.exponential(40 * MIN), h),
                ClientSpec.speedClient("non-payer", 0.15, RarestFirstPicker::new, Seeding.exponential(40 * MIN),
                        h.withNonPayer(true)),
                ClientSpec.speedClient("bad-data", 0.1, RarestFirstPicker::new, Seeding.exponential(40 * MIN),
                        h.withBadData(true)),
                ClientSpec.speedClient("free-rider", 0.1, RarestFirstPicker::new, Seeding.leaveAtOnce(),
                        h.withBidding(FreeRider.factory())),
                WorldFixtures.legacy(0.25, 40 * MIN));
        CatalogueConfig catalogue = new CatalogueConfig(8, new Distribution.Fixed(0), 4.0 / 86400,
                new Distribution.Uniform(3e6, 6e6), 256 * 1024, 0.5, 86_400_000_000L,
                new Distribution.Exponential(2 * HOUR));
        PopulationConfig population = new PopulationConfig(40, WorldFixtures.classes(),
                List.of(new ClientShare("x", 1)), new Distribution.Uniform(0, HOUR),
                new Distribution.Exponential(3 * HOUR), new Distribution.Exponential(HOUR), 6.0 / 3600,
                new Distribution.Fixed(30 * MIN), new Distribution.Uniform(5e3, 2e4));
        return WorldFixtures.world(seed, clients, catalogue, population, 8 * HOUR, new LibrarySeeding(4, 20 * MIN),
                true);
    }

    @Test
    void tokensAreConservedAfterEveryEventAcrossSwarms() {
        for (long seed = 1; seed <= 3; seed++) {
            WorldRunConfig config = adversarial(seed);
            WorldRun run = new WorldRun(config);
            Ledger ledger = run.bank().ledger;
            Population population = run.world().population();
            long genesis = 0;
            for (int user = 0; user < population.size(); user++) {
                if (config.clients().get(population.client(user)).speed()) {
                    genesis += population.airdropMicroBtt(user);
                }
            }
            long expected = genesis;
            int[] mostSwarmsOfOneSpeedUser = {0};
            long[] checked = {0};
            run.simulator().addEventEndHook(() -> {
                long sum = 0;
                for (int a = 0; a < ledger.accounts(); a++) {
                    assertTrue(ledger.balance(a) >= 0, "negative balance of account " + a);
                    sum += ledger.balance(a);
                }
                for (int c = 0; c < ledger.channelCount(); c++) {
                    if (ledger.channelStatus(c) == ChannelStatus.OPEN) {
                        sum += ledger.channelEscrow(c);
                    }
                }
                sum += ledger.reserved();
                if (sum != expected) {
                    throw new AssertionError("at " + run.now() + " us wallets + escrow + reserved = " + sum
                            + " but the airdrops total " + expected);
                }
                checked[0]++;
                for (int user = 0; user < population.size(); user++) {
                    if (run.isSpeedUser(user)) {
                        mostSwarmsOfOneSpeedUser[0] = Math.max(mostSwarmsOfOneSpeedUser[0], run.activeSwarms(user));
                    }
                }
            });
            WorldResult result = run.run();

            assertEquals(0, run.simulator().retiredEventsRun("speed-forget-peer"),
                    "a swarm ended before its last peer's channels were closed");
            LedgerAudit audit = LedgerAudit.replay(ledger.log());
            assertEquals(List.of(), audit.compareWith(ledger), "the log's replay disagrees with the ledger");
            assertEquals(genesis, audit.minted(), "minted other than the genesis airdrops");
            assertTrue(result.summary().conserved(), "the run reports a broken invariant");
            assertTrue(result.summary().ledgerChecks() > 1000, "the ledger was checked after only "
                    + result.summary().ledgerChecks() + " operations");
            assertTrue(mostSwarmsOfOneSpeedUser[0] >= 3,
                    "no Speed user was in three swarms at once: " + mostSwarmsOfOneSpeedUser[0]);

            Set<String> requesting = new HashSet<>();
            for (RequestRecord r : result.requests()) {
                requesting.add(result.users().get(r.user()).client());
            }
            assertEquals(Set.of("speed", "non-payer", "bad-data", "free-rider", "legacy"), requesting,
                    "every adversary takes part");
            long wallets = 0;
            long fundedByEarnings = 0;
            for (UserRecord u : result.users()) {
                wallets += u.finalBalanceUbtt();
                fundedByEarnings += Math.max(0, u.spentUbtt() - u.airdropUbtt());
                // the ledger paid each wallet only for payments its own peers accepted, in whatever swarm
                assertTrue(audit.settledTo(u.id()) <= u.earnedUbtt(), "user " + u.id() + " was settled "
                        + audit.settledTo(u.id()) + " uBTT but its peers accepted only " + u.earnedUbtt());
            }
            assertTrue(fundedByEarnings > 0, "no user spent beyond its airdrop: earnings never paid for a download");
            assertTrue(checked[0] > 10_000, "too few events checked: " + checked[0]);
            List<String> facts = new ArrayList<>();
            facts.add("seed " + seed + ": " + checked[0] + " events checked, most swarms of one Speed user "
                    + mostSwarmsOfOneSpeedUser[0] + ", spending funded by earnings " + fundedByEarnings
                    + " uBTT, wallets " + wallets + " of " + genesis);
            System.out.println(facts);
        }
    }
}
