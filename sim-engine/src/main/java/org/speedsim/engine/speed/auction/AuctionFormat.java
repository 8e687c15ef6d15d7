package org.speedsim.engine.speed.auction;

/**
 * A sealed-bid auction of {@code slots} identical unchoke slots among unit-demand bidders (each wants one slot).
 * Bids and prices are nano-BTT per KiB. Formats differ only in what winners pay: every format gives the slots to the
 * (at most) {@code slots} best bidders whose bid is at least the reserve, ranked by {@link BidRanking} (higher bid
 * first, then lower index; never random). Implementations are stateless and allocate nothing per call: their only
 * working memory is {@link AuctionOutcome#orderScratch} (the other scratch arrays belong to {@link SlotAllocation}).
 */
public interface AuctionFormat {

    /** A short name for scenarios and reports, e.g. {@code uniform-price}. */
    String name();

    /** How winners are charged, so that score-based allocations can price consistently with this format. */
    Pricing pricing();

    /**
     * Runs the auction over {@code bids[0, n)} (each {@code >= 0}) with {@code slots >= 0} slots and a reserve
     * price {@code reserve >= 0}, replacing the contents of {@code out} with the winners (best first, all sold) and
     * their prices.
     */
    void run(long[] bids, int n, int slots, long reserve, AuctionOutcome out);

    /** Checks the common arguments of {@link #run}; for implementations. */
    static void checkArguments(long[] bids, int n, int slots, long reserve) {
        if (n < 0 || n > bids.length) {
            throw new IllegalArgumentException("n out of range: " + n);
        }
        if (slots < 0 || reserve < 0) {
            throw new IllegalArgumentException("slots and reserve must be >= 0");
        }
        for (int i = 0; i < n; i++) {
            if (bids[i] < 0) {
                throw new IllegalArgumentException("negative bid at " + i);
            }
        }
    }
}
