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

    /**
     * The white paper's optimistic unchoke for round-robin clients: the slot is not auctioned; it goes to the
     * candidate that has waited longest since it was last choked ({@code chokedSince[i]}, microseconds; use
     * {@link Long#MIN_VALUE} for a peer never unchoked, so those come first), and bids only break ties between equal
     * waits (then the lower index). Returns -1 when {@code n == 0}.
     */
    public static int optimisticPick(long[] chokedSince, long[] bids, int n) {
        int best = -1;
        for (int i = 0; i < n; i++) {
            if (best < 0 || chokedSince[i] < chokedSince[best]
                    || (chokedSince[i] == chokedSince[best] && bids[i] > bids[best])) {
                best = i;
            }
        }
        return best;
    }
}
