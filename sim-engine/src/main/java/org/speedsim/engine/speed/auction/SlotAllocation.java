package org.speedsim.engine.speed.auction;

/**
 * A provider's policy for filling its regular unchoke slots from bids and reciprocation at one choking round. The
 * candidates are the interested neighbours {@code 0..n-1}; {@code bids[i]} is candidate i's standing bid in nano-BTT
 * per KiB (0 = no bid, as for a legacy client or a free rider) and {@code reciprocation[i]} what the provider ranks
 * peers by without tokens (bytes received from it, or for a seed bytes sent to it). A bid below the reserve counts as
 * no bid. Every order is deterministic: no randomness; the last tie-break is always the lower index.
 *
 * <ul>
 *   <li>{@link BidsFirst}: an auction (the given {@link AuctionFormat}) over the bidders fills the slots; slots left
 *   over go to the best reciprocators among the rest, for free. This is the white paper's reading: bids decide,
 *   tit-for-tat fills what the market leaves.</li>
 *   <li>{@link Weighted}: every candidate gets the score {@code w * bid/maxBid + (1 - w) * recip/maxRecip} (a term is 0
 *   when its maximum is 0); the best scores win (ties: higher bid, then higher reciprocation, then lower index). A
 *   winner with a bid pays, for {@link Pricing#CRITICAL} formats, its critical bid, floored at the reserve: the lowest
 *   bid at which its (score, bid) would still at least tie the best losing candidate's, the other candidates' scores
 *   and both normalisers held fixed. Like the uniform price (the highest losing bid), this is the boundary of winning
 *   bids before the last tie-breaks (reciprocation, index), and with equal reciprocation it equals the uniform price.
 *   For {@link Pricing#PAY_BID} formats a winner pays its bid. A winner without a bid pays nothing. Holding the
 *   normalisers fixed makes the price a threshold that does not move with the winner's own bid (exactly so unless
 *   that bid is the unique highest one, which sets the bid normaliser).</li>
 * </ul>
 *
 * <p>Other policies come from plug-ins. An implementation is a value (it compares with {@code equals}, as a record
 * does, because scenarios that name the same policy with the same parameters must get equal policies) and is
 * deterministic as above.
 */
public interface SlotAllocation {

    /**
     * Fills up to {@code slots} regular slots from {@code n} candidates and writes winners into {@code out}: first
     * those that won through their bid (in rank order), then reciprocation winners. Allocates nothing once
     * {@code out} has grown to {@code n}.
     */
    void allocate(long[] bids, long[] reciprocation, int n, int slots, long reserve, AuctionFormat format,
                  AuctionOutcome out);

    /** Bids fill the slots through the auction; reciprocation fills what is left. */
    record BidsFirst() implements SlotAllocation {

        @Override
        public void allocate(long[] bids, long[] reciprocation, int n, int slots, long reserve,
                             AuctionFormat format, AuctionOutcome out) {
            checkArguments(bids, reciprocation, n, slots, reserve);
            int[] map = out.indexScratch(n);
            long[] compact = out.bidScratch(n);
            int bidders = 0;
            for (int i = 0; i < n; i++) {
                if (bids[i] > 0) {
                    map[bidders] = i;
                    compact[bidders++] = bids[i];
                }
            }
            format.run(compact, bidders, slots, reserve, out);
            for (int j = 0; j < out.count(); j++) {
                out.setWinner(j, map[out.winner(j)]);
            }
            fillByReciprocation(reciprocation, n, slots, out);
        }
    }

    /**
     * Ranks every candidate by a weighted score of normalised bid and normalised reciprocation.
     *
     * @param bidWeight the weight {@code w} of the bid term, in [0, 1]
     */
    record Weighted(double bidWeight) implements SlotAllocation {

        public Weighted {
            if (!(bidWeight >= 0 && bidWeight <= 1)) {
                throw new IllegalArgumentException("bid weight must be in [0, 1]: " + bidWeight);
            }
        }

        @Override
        public void allocate(long[] bids, long[] reciprocation, int n, int slots, long reserve,
                             AuctionFormat format, AuctionOutcome out) {
            checkArguments(bids, reciprocation, n, slots, reserve);
            out.clear();
            long[] eff = out.bidScratch(n);
            long maxBid = 0;
            long maxRecip = 0;
            for (int i = 0; i < n; i++) {
                eff[i] = bids[i] > 0 && bids[i] >= reserve ? bids[i] : 0;
                maxBid = Math.max(maxBid, eff[i]);
                maxRecip = Math.max(maxRecip, reciprocation[i]);
            }
            int k = Math.min(slots, n);
            int[] order = out.orderScratch(n);
            // best k + 1 candidates by (score, bid, reciprocation, -index): the (k+1)-th is every winner's threshold
            int m = 0;
            int keep = Math.min(k + 1, n);
            for (int i = 0; i < n; i++) {
                double s = score(eff[i], maxBid, reciprocation[i], maxRecip);
                if (m == keep) {
                    int last = order[m - 1];
                    if (keep == 0 || !before(s, eff[i], reciprocation[i], i,
                            score(eff[last], maxBid, reciprocation[last], maxRecip), eff[last],
                            reciprocation[last], last)) {
                        continue;
                    }
                    m--;
                }
                int pos = m;
                while (pos > 0) {
                    int o = order[pos - 1];
                    if (!before(s, eff[i], reciprocation[i], i,
                            score(eff[o], maxBid, reciprocation[o], maxRecip), eff[o], reciprocation[o], o)) {
                        break;
                    }
                    order[pos] = o;
                    pos--;
                }
                order[pos] = i;
                m++;
            }
            int winners = Math.min(k, m);
            int threshold = m > k ? order[k] : -1;
            for (int j = 0; j < winners; j++) {
                int i = order[j];
                if (eff[i] > 0) {
                    long price = format.pricing() == Pricing.PAY_BID ? eff[i]
                            : Math.max(reserve, critical(i, eff, reciprocation, maxBid, maxRecip, threshold));
                    out.add(i, price, true);
                }
            }
            for (int j = 0; j < winners; j++) {
                int i = order[j];
                if (eff[i] == 0) {
                    out.add(i, 0, false);
                }
            }
        }

        /** Lowest bid in [0, eff[i]] at which candidate i's (score, bid) is at least the threshold candidate's. */
        private long critical(int i, long[] eff, long[] recip, long maxBid, long maxRecip, int threshold) {
            if (threshold < 0) {
                return 0;
            }
            double ts = score(eff[threshold], maxBid, recip[threshold], maxRecip);
            long tb = eff[threshold];
            long lo = 0;
            long hi = eff[i]; // satisfies the condition, since i ranks before the threshold
            while (lo < hi) {
                long mid = lo + (hi - lo) / 2;
                double s = score(mid, maxBid, recip[i], maxRecip);
                if (s > ts || (s == ts && mid >= tb)) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }

        private double score(long bid, long maxBid, long recip, long maxRecip) {
            double b = maxBid == 0 ? 0 : (double) bid / maxBid;
            double r = maxRecip == 0 ? 0 : (double) recip / maxRecip;
            return bidWeight * b + (1 - bidWeight) * r;
        }

        private static boolean before(double sa, long ba, long ra, int a, double sb, long bb, long rb, int b) {
            if (sa != sb) {
                return sa > sb;
            }
            if (ba != bb) {
                return ba > bb;
            }
            if (ra != rb) {
                return ra > rb;
            }
            return a < b;
        }
    }

    /** Appends, after the current winners, the best reciprocators among the others until {@code slots} are full. */
    private static void fillByReciprocation(long[] reciprocation, int n, int slots, AuctionOutcome out) {
        while (out.count() < Math.min(slots, n)) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!out.isWinner(i) && (best < 0 || reciprocation[i] > reciprocation[best])) {
                    best = i;
                }
            }
            out.add(best, 0, false);
        }
    }

    private static void checkArguments(long[] bids, long[] reciprocation, int n, int slots, long reserve) {
        AuctionFormat.checkArguments(bids, n, slots, reserve);
        if (n > reciprocation.length) {
            throw new IllegalArgumentException("reciprocation shorter than n");
        }
        for (int i = 0; i < n; i++) {
            if (reciprocation[i] < 0) {
                throw new IllegalArgumentException("negative reciprocation at " + i);
            }
        }
    }
}
