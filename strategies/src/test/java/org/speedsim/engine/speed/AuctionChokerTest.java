package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.FakeRechokeView;
import org.speedsim.engine.swarm.SeedPolicy;
import org.speedsim.strategies.choking.TitForTatChoker;
import org.speedsim.engine.speed.auction.SlotAllocation;
import org.speedsim.engine.swarm.RechokeView;
import org.speedsim.strategies.auction.UniformPriceAuction;

/** The auction choker against a scripted view: regular slots by bid at one price, the optimistic slot never sold. */
class AuctionChokerTest {

    static AuctionChoker choker(long reserve) {
        return new AuctionChoker(new UniformPriceAuction(), new SlotAllocation.BidsFirst(), reserve);
    }

    @Test
    void regularSlotsGoToTheBestBidsAtTheHighestLosingBidAndTheOptimisticSlotIsNotSold() {
        FakeRechokeView v = new FakeRechokeView(6);
        long[] bids = {5000, 0, 9000, 7000, 0, 3000};
        System.arraycopy(bids, 0, v.bids, 0, 6);
        v.lastUnchoked[4] = 10;
        v.lastChoked[4] = 20;
        choker(0).rechoke(v);
        assertEquals(List.of(2, 3, 0), v.regular);
        assertEquals(3000, v.price[2]);
        assertEquals(3000, v.price[3]);
        assertEquals(3000, v.price[0]);
        // 1 and 5 never unchoked wait equally long; the bid breaks the tie
        assertEquals(5, v.optimisticPick);
        assertEquals(0, v.price[5]);
    }

    @Test
    void betweenRotationsTheOptimisticPeerKeepsItsSlot() {
        FakeRechokeView v = new FakeRechokeView(5);
        v.bids[0] = 10;
        v.bids[1] = 20;
        v.bids[2] = 30;
        v.unchoked[4] = true;
        v.optimistic[4] = true;
        v.optimisticRound = false;
        choker(0).rechoke(v);
        assertEquals(4, v.optimisticPick);
        assertFalse(v.regular.contains(4));
    }

    @Test
    void aSeedRanksByTheDataItSentByDefaultTiesToThoseItServes() {
        FakeRechokeView v = new FakeRechokeView(6);
        v.seed = true;
        v.sent[0] = 500;
        v.sent[1] = 9000;
        v.sent[3] = 700;
        v.sent[5] = 700;
        v.unchoked[5] = true;
        v.lastUnchoked[5] = 0;
        // 2 and 4 got nothing; 2 waited longest, which round-robin would favour
        v.lastChoked[2] = 1;
        v.lastUnchoked[2] = 0;
        v.bids[4] = 0;
        choker(0).rechoke(v);
        assertEquals(List.of(1, 5, 3), v.regular, "by bytes sent; 3 and 5 tie and 5 is being served");
        FakeRechokeView rr = new FakeRechokeView(6);
        rr.seed = true;
        System.arraycopy(v.sent, 0, rr.sent, 0, 6);
        rr.unchoked[5] = true;
        rr.lastUnchoked[5] = 0;
        rr.lastChoked[2] = 1;
        rr.lastUnchoked[2] = 0;
        new AuctionChoker(SpeedSwarmConservationTest.UNIFORM, new SlotAllocation.BidsFirst(), 0,
                SeedPolicy.UPLOAD_RATE).rechoke(rr);
        assertEquals(v.regular, rr.regular, "upload rate is the default");
    }

    @Test
    void aSeedWithBidsSellsFirstAndFillsTheRestByUploadRate() {
        FakeRechokeView v = new FakeRechokeView(5);
        v.seed = true;
        v.bids[4] = 3000;
        v.sent[0] = 10;
        v.sent[2] = 30;
        v.sent[3] = 20;
        choker(0).rechoke(v);
        assertEquals(List.of(4, 2, 3), v.regular);
        assertEquals(0, v.price[4], "one bidder for three slots: the highest losing bid is none");
    }

    @Test
    void aRoundRobinSeedWithoutBidsServesTheLongestUnservedFirst() {
        FakeRechokeView v = new FakeRechokeView(5);
        v.seed = true;
        v.now = 100;
        v.unchoked[0] = true;
        v.lastUnchoked[0] = 50;
        v.lastChoked[1] = 90;
        v.lastUnchoked[1] = 80;
        v.lastChoked[2] = 10;
        v.lastUnchoked[2] = 5;
        v.lastChoked[3] = 40;
        v.lastUnchoked[3] = 30;
        // 4 was never served
        new AuctionChoker(SpeedSwarmConservationTest.UNIFORM, new SlotAllocation.BidsFirst(), 0,
                SeedPolicy.ROUND_ROBIN).rechoke(v);
        assertEquals(List.of(4, 2, 3), v.regular);
        for (long p : v.price) {
            assertEquals(0, p);
        }
    }

    @Test
    void matchesABruteForceUniformPriceOnRandomInstances() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (int t = 0; t < 2000; t++) {
            int n = 1 + rnd.nextInt(12);
            long reserve = rnd.nextInt(3) == 0 ? rnd.nextLong(50) : 0;
            FakeRechokeView v = new FakeRechokeView(n);
            for (int i = 0; i < n; i++) {
                v.bids[i] = rnd.nextInt(3) == 0 ? 0 : rnd.nextLong(100);
                v.recv[i] = rnd.nextLong(1000);
            }
            choker(reserve).rechoke(v);
            List<Integer> bidders = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (v.bids[i] > 0 && v.bids[i] >= reserve) {
                    bidders.add(i);
                }
            }
            bidders.sort(Comparator.<Integer>comparingLong(i -> -v.bids[i]).thenComparing(i -> i));
            List<Integer> sold = bidders.subList(0, Math.min(3, bidders.size()));
            long highestLoser = -1;
            for (int i = 0; i < n; i++) {
                if (v.bids[i] > 0 && !sold.contains(i)) {
                    highestLoser = Math.max(highestLoser, v.bids[i]);
                }
            }
            long price = Math.max(reserve, highestLoser);
            String at = "instance " + t + " bids " + Arrays.toString(v.bids) + " reserve " + reserve;
            assertEquals(sold, v.regular.subList(0, sold.size()), at);
            assertEquals(Math.min(3, n), v.regular.size(), at);
            for (int i = 0; i < n; i++) {
                assertEquals(sold.contains(i) ? price : 0, v.price[i], at);
            }
            if (n > 3) {
                assertTrue(v.optimisticPick >= 0 && !v.regular.contains(v.optimisticPick), at);
            }
        }
    }

    /** A leecher without bids ranks by the data it received from each candidate (tit-for-tat), not by what it sent. */
    @Test
    void aLeecherWithoutBidsRanksByDataReceived() {
        FakeRechokeView v = new FakeRechokeView(5);
        long[] received = {10, 50, 0, 40, 30};
        long[] sent = {900, 0, 800, 0, 700};
        System.arraycopy(received, 0, v.recv, 0, 5);
        System.arraycopy(sent, 0, v.sent, 0, 5);
        choker(0).rechoke(v);
        assertEquals(List.of(1, 3, 4), v.regular);
    }

    /**
     * A round-robin seed ranks the never served (now + 1) above one choked at instant 0 (now - 0): with three never
     * served, they take the three regular slots and the one choked at 0 gets the optimistic slot.
     */
    @Test
    void aRoundRobinSeedRanksTheNeverServedAboveOneChokedAtTimeZero() {
        FakeRechokeView v = new FakeRechokeView(5);
        v.seed = true;
        v.now = 100;
        v.lastUnchoked[0] = 0;
        v.lastChoked[0] = 0;
        v.lastUnchoked[1] = 0;
        v.lastChoked[1] = 60;
        // 2, 3 and 4 were never served
        new AuctionChoker(SpeedSwarmConservationTest.UNIFORM, new SlotAllocation.BidsFirst(), 0,
                SeedPolicy.ROUND_ROBIN).rechoke(v);
        assertEquals(Set.of(2, 3, 4), Set.copyOf(v.regular));
        assertEquals(0, v.optimisticPick, "choked at 0, it has waited longer than one choked at 60");
    }

    /**
     * The optimistic slot goes to the candidate that has waited longest since it was last choked: one never
     * unchoked before one unchoked at instant 0 and choked since (the bid breaks only ties), and a candidate that
     * is unchoked now (it just lost its regular slot) has waited least, whenever it was choked before.
     */
    @Test
    void theOptimisticSlotGoesToTheLongestWaitingNotToTheOneJustServed() {
        FakeRechokeView v = new FakeRechokeView(5);
        v.now = 100;
        v.bids[0] = 90;
        v.bids[1] = 80;
        v.bids[2] = 70;
        v.lastUnchoked[3] = 0; // unchoked at 0, choked at 5, bids more than 4
        v.lastChoked[3] = 5;
        v.bids[3] = 60;
        v.bids[4] = 1; // never unchoked
        choker(0).rechoke(v);
        assertEquals(List.of(0, 1, 2), v.regular);
        assertEquals(4, v.optimisticPick, "never unchoked waits longest");

        FakeRechokeView w = new FakeRechokeView(5);
        w.now = 100;
        w.bids[0] = 90;
        w.bids[1] = 80;
        w.bids[2] = 70;
        w.unchoked[3] = true; // served now, choked long ago before that
        w.lastUnchoked[3] = 40;
        w.lastChoked[3] = 10;
        w.bids[3] = 60;
        w.lastUnchoked[4] = 20;
        w.lastChoked[4] = 50;
        w.bids[4] = 1;
        choker(0).rechoke(w);
        assertEquals(4, w.optimisticPick, "choked at 50 has waited longer than one being served");
    }
}
