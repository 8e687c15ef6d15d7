package org.speedsim.engine.speed;

import java.util.Objects;
import org.speedsim.engine.swarm.SeedPolicy;
import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.AuctionOutcome;
import org.speedsim.engine.speed.auction.BidRanking;
import org.speedsim.engine.speed.auction.SlotAllocation;
import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.RechokeView;

/**
 * The choker of a Speed client: at each choking round its regular slots go through a {@link SlotAllocation} over the
 * candidates' standing bids ({@link RechokeView#bid}) and their reciprocation, and every winner through a bid is
 * charged its price ({@link RechokeView#setPrice}). Reciprocation is what a leecher received from the candidate over
 * the rate window (tit-for-tat). A seed receives nothing; by default it ranks by the data it sent to each candidate
 * over the rate window, as the white paper's seeds do ("Matchmaking": seeds "use the amount of data sent to each peer"),
 * ties going to the candidates it is serving ({@link SeedPolicy#UPLOAD_RATE}); the alternative,
 * {@link SeedPolicy#ROUND_ROBIN}, ranks by the time since the candidate's service last ended (0 while being served,
 * now + 1 for one never served), so that the free slots a seed gives rotate like the mainline round-robin seed.
 *
 * <p>The optimistic slot is never sold: in optimistic rounds it goes, among the candidates without a regular slot, to
 * the one that has waited longest since it was last choked (never unchoked first), bids breaking ties between equal
 * waits ({@link BidRanking#optimisticPick}); between rotations the current optimistic peer keeps it. Deterministic.
 * One instance per peer; its scratch arrays grow to the largest candidate count and are then reused.
 */
public final class AuctionChoker implements ChokingPolicy {

    private final AuctionFormat format;
    private final SlotAllocation allocation;
    private final long reserve;
    private final SeedPolicy seedPolicy;
    private final AuctionOutcome out = new AuctionOutcome();
    private long[] bids = new long[16];
    private long[] recip = new long[16];
    private long[] waited = new long[16];
    private long[] restBids = new long[16];
    private int[] rest = new int[16];

    /** A choker whose seeds rank reciprocation by upload rate (the white paper's rule). */
    public AuctionChoker(AuctionFormat format, SlotAllocation allocation, long reservePriceNanoPerKiB) {
        this(format, allocation, reservePriceNanoPerKiB, SeedPolicy.UPLOAD_RATE);
    }

    public AuctionChoker(AuctionFormat format, SlotAllocation allocation, long reservePriceNanoPerKiB,
                         SeedPolicy seedPolicy) {
        this.seedPolicy = Objects.requireNonNull(seedPolicy, "seedPolicy");
        this.format = Objects.requireNonNull(format, "format");
        this.allocation = Objects.requireNonNull(allocation, "allocation");
        if (reservePriceNanoPerKiB < 0) {
            throw new IllegalArgumentException("reserve must be >= 0");
        }
        this.reserve = reservePriceNanoPerKiB;
    }

    @Override
    public void rechoke(RechokeView v) {
        int n = v.candidates();
        if (n == 0) {
            return;
        }
        grow(n);
        long now = v.now();
        boolean seed = v.isSeed();
        for (int i = 0; i < n; i++) {
            bids[i] = v.bid(i);
            if (!seed) {
                recip[i] = v.bytesReceivedFrom(i);
            } else if (seedPolicy == SeedPolicy.UPLOAD_RATE) {
                recip[i] = 2 * v.bytesSentTo(i) + (v.isUnchoked(i) ? 1 : 0);
            } else if (v.isUnchoked(i)) {
                recip[i] = 0;
            } else {
                long choked = v.lastChokedAt(i);
                recip[i] = choked < 0 ? now + 1 : now - choked;
            }
        }
        allocation.allocate(bids, recip, n, v.regularSlots(), reserve, format, out);
        int winners = out.count();
        for (int j = 0; j < winners; j++) {
            int w = out.winner(j);
            v.unchoke(w);
            if (out.sold(j) && out.price(j) > 0) {
                v.setPrice(w, out.price(j));
            }
        }
        if (n <= winners) {
            return;
        }
        int m = 0;
        int keep = -1;
        for (int i = 0; i < n; i++) {
            if (out.isWinner(i)) {
                continue;
            }
            if (!v.optimisticRound() && v.isOptimistic(i)) {
                keep = i;
            }
            rest[m] = i;
            restBids[m] = bids[i];
            waited[m] = v.isUnchoked(i) ? now : (v.lastUnchokedAt(i) < 0 ? Long.MIN_VALUE : v.lastChokedAt(i));
            m++;
        }
        if (keep < 0) {
            keep = rest[BidRanking.optimisticPick(waited, restBids, m)];
        }
        v.unchokeOptimistic(keep);
    }

    private void grow(int n) {
        if (bids.length < n) {
            int c = Math.max(n, bids.length * 2);
            bids = new long[c];
            recip = new long[c];
            waited = new long[c];
            restBids = new long[c];
            rest = new int[c];
        }
    }
}
