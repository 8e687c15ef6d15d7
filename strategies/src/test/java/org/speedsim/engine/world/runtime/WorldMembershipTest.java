package org.speedsim.engine.world.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.speedsim.engine.world.WorldResult;

/**
 * Swarm state follows the users online: after every event, a user that is offline has no peer in any swarm, the peers
 * online in all live swarms are exactly the online users' memberships plus the publishers, and no swarm is kept
 * without a peer online past the instant its last peer left.
 */
class WorldMembershipTest {

    @Test
    void offlineUsersHoldNoSwarmState() {
        WorldRun run = new WorldRun(WorldFixtures.small(3, 0.5, false));
        int users = run.world().population().size();
        int torrents = run.world().catalogue().size();
        long[] emptySwarmEvents = {0};
        long[] emptySince = new long[torrents];
        java.util.Arrays.fill(emptySince, -1);
        long[] maxOnlinePeers = {0};
        run.simulator().addEventEndHook(() -> {
            long memberships = 0;
            for (int user = 0; user < users; user++) {
                boolean online = run.isOnline(user);
                if (!online && run.activeSwarms(user) != 0) {
                    throw new AssertionError("offline user " + user + " is in " + run.activeSwarms(user) + " swarms");
                }
                memberships += run.activeSwarms(user);
            }
            long peersOnline = 0;
            for (int t = 0; t < torrents; t++) {
                TorrentSwarm s = run.swarmOf(t);
                if (s == null) {
                    emptySince[t] = -1;
                    continue;
                }
                int publishers = s.publisherPeer >= 0 ? 1 : 0;
                peersOnline += s.engine.peersOnline() - publishers;
                if (s.engine.peersOnline() > 0) {
                    emptySince[t] = -1;
                } else if (emptySince[t] < 0) {
                    emptySince[t] = run.now();
                } else if (run.now() > emptySince[t]) {
                    emptySwarmEvents[0]++;
                }
            }
            if (peersOnline != memberships) {
                throw new AssertionError("peers online " + peersOnline + " but online users' memberships "
                        + memberships + " at " + run.now());
            }
            maxOnlinePeers[0] = Math.max(maxOnlinePeers[0], peersOnline);
        });
        WorldResult result = run.run();
        assertTrue(maxOnlinePeers[0] > 10, "the world never got busy: " + maxOnlinePeers[0]);
        assertTrue(emptySwarmEvents[0] == 0, "a swarm without peers outlived the instant its last peer left " + emptySwarmEvents[0]
                + " times");
        assertTrue(result.summary().requests() > 100);
    }
}
