package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.speed.auction.SlotAllocation;
import org.speedsim.engine.swarm.FakeRechokeView;

/** The auction choker's refused arguments, an empty round, and rounds with more candidates than its first arrays. */
class AuctionChokerEdgesTest {

    @Test
    void refusesMissingPartsAndANegativeReserve() {
        assertThrows(NullPointerException.class, () -> new AuctionChoker(null, new SlotAllocation.BidsFirst(), 0));
        assertThrows(NullPointerException.class, () -> new AuctionChoker(SpeedSwarmConservationTest.UNIFORM, null, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new AuctionChoker(SpeedSwarmConservationTest.UNIFORM, new SlotAllocation.BidsFirst(), -1));
    }

    @Test
    void aRoundWithoutCandidatesUnchokesNobody() {
        FakeRechokeView v = new FakeRechokeView(0);
        AuctionChokerTest.choker(0).rechoke(v);
        assertEquals(List.of(), v.regular);
        assertEquals(-1, v.optimisticPick);
    }

    @Test
    void manyCandidatesOverSeveralRoundsGoToTheBestBids() {
        AuctionChoker choker = AuctionChokerTest.choker(0);
        for (int n : new int[] {5, 40, 17, 100}) {
            FakeRechokeView v = new FakeRechokeView(n);
            for (int i = 0; i < n; i++) {
                v.bids[i] = 10L * i;
            }
            choker.rechoke(v);
            // three regular slots to the three highest bids at the fourth bid; the optimistic slot to the best
            // remaining bid among the never unchoked
            assertEquals(List.of(n - 1, n - 2, n - 3), v.regular, "n=" + n);
            assertEquals(10L * (n - 4), v.price[n - 1]);
            assertEquals(n - 4, v.optimisticPick);
        }
    }

    @Test
    void whenEveryCandidateWinsARegularSlotNoOptimisticPickIsMade() {
        FakeRechokeView v = new FakeRechokeView(3);
        v.bids[0] = 5;
        AuctionChokerTest.choker(0).rechoke(v);
        assertEquals(List.of(0, 1, 2), v.regular);
        assertEquals(-1, v.optimisticPick);
    }
}
