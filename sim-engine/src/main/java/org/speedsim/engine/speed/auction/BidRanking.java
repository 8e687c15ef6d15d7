package org.speedsim.engine.speed.auction;

/**
 * The deterministic order of bidders shared by every auction format: a higher bid ranks first; among equal bids the
 * lower index ranks first. Nothing is random, so the same bids always give the same winners.
 */
public final class BidRanking {

    private BidRanking() {
    }

    /** Whether bidder {@code a} (bid {@code bidA}) ranks before bidder {@code b} (bid {@code bidB}). */
    public static boolean before(long bidA, int a, long bidB, int b) {
        return bidA > bidB || (bidA == bidB && a < b);
    }

    /**
     * Writes into {@code order[0, m)} the best {@code m = min(k, eligible)} bidders among {@code bids[0, n)} whose bid
     * is at least {@code reserve}, best first, and returns {@code m}. Time O(n k), no allocation.
     */
    public static int top(long[] bids, int n, int k, long reserve, int[] order) {
        int m = 0;
        for (int i = 0; i < n; i++) {
            long b = bids[i];
            if (b < reserve || k == 0) {
                continue;
            }
            if (m == k) {
                if (!before(b, i, bids[order[m - 1]], order[m - 1])) {
                    continue;
                }
                m--;
            }
            int pos = m;
            while (pos > 0 && before(b, i, bids[order[pos - 1]], order[pos - 1])) {
                order[pos] = order[pos - 1];
                pos--;
            }
            order[pos] = i;
            m++;
        }
        return m;
    }

    /**
     * The highest bid among the losers of an auction whose winners are {@code order[0, m)} as returned by
     * {@link #top} with {@code k} slots, or -1 if every bidder won.
     */
    public static long highestLosing(long[] bids, int n, int k, long reserve, int[] order, int m) {
        long best = -1;
        for (int i = 0; i < n; i++) {
            boolean loser = m == k ? (m == 0 || before(bids[order[m - 1]], order[m - 1], bids[i], i))
                    : bids[i] < reserve;
            if (loser && bids[i] > best) {
                best = bids[i];
            }
        }
        return best;
    }
}
