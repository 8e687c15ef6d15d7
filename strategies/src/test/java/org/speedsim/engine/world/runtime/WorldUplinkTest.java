package org.speedsim.engine.world.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.speedsim.engine.world.runtime.WorldFixtures.HOUR;
import static org.speedsim.engine.world.runtime.WorldFixtures.MIN;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.world.CatalogueConfig;
import org.speedsim.engine.world.ClientShare;
import org.speedsim.engine.world.LibrarySeeding;
import org.speedsim.engine.world.PopulationConfig;
import org.speedsim.engine.world.WorldRunConfig;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.strategies.picking.RarestFirstPicker;
import org.speedsim.strategies.seeding.Seeding;

/**
 * A user's one upload link is shared by every swarm it is in: after every event, the rates of all the user's flows,
 * summed over its swarms (each swarm's own flows, read through that swarm's view of the network), never exceed the
 * user's upload capacity, also while it seeds three torrents at once to leechers in each.
 */
class WorldUplinkTest {

    @Test
    void aUserSeedingThreeTorrentsNeverUploadsFasterThanItsLink() {
        ClientSpec stays = new ClientSpec("legacy", 1, false, TitForTatChoker::new, RarestFirstPicker::new,
                Seeding.forever());
        CatalogueConfig three = new CatalogueConfig(3, new Distribution.Fixed(0), 0,
                new Distribution.Fixed(4e6), 256 * 1024, 0, 86_400_000_000L, new Distribution.Fixed(20 * MIN));
        PopulationConfig users = new PopulationConfig(30, WorldFixtures.classes(), List.of(new ClientShare("x", 1)),
                new Distribution.Uniform(0, 2 * HOUR), new Distribution.Fixed(1e13), null, 20.0 / 3600,
                new Distribution.Fixed(2 * HOUR), new Distribution.Fixed(0));
        WorldRunConfig config = WorldFixtures.world(11, List.of(stays), three, users, 3 * HOUR,
                new LibrarySeeding(3, 30 * MIN), false);
        WorldRun run = new WorldRun(config);
        int n = run.world().population().size();
        long[] busiest = {0};
        long[] checks = {0};
        run.simulator().addEventEndHook(() -> {
            double[] rate = new double[n];
            int[] seedingWithUpload = new int[n];
            for (int t = 0; t < 3; t++) {
                TorrentSwarm s = run.swarmOf(t);
                if (s == null) {
                    continue;
                }
                for (int peer = 0; peer < s.engine.peers(); peer++) {
                    int user = s.userOf(peer);
                    if (user >= 0 && s.engine.isOnline(peer)) {
                        double r = s.links.uploadRate(peer);
                        rate[user] += r;
                        if (r > 0 && s.engine.isSeed(peer)) {
                            seedingWithUpload[user]++;
                        }
                    }
                }
            }
            for (int user = 0; user < n; user++) {
                double capacity = run.world().population().uploadBytesPerSecond(user);
                if (rate[user] > capacity * (1 + 1e-9)) {
                    throw new AssertionError("user " + user + " uploads " + rate[user] + " B/s over its swarms at "
                            + run.now() + " us; its link carries " + capacity);
                }
                if (seedingWithUpload[user] == 3) {
                    busiest[0]++;
                }
            }
            checks[0]++;
        });
        run.run();
        assertTrue(busiest[0] >= 20, "a user seeded three torrents with uploads in each after only " + busiest[0]
                + " of " + checks[0] + " events");
    }
}
