package org.speedsim.engine.speed.auction;

import java.util.Arrays;

/**
 * The result of one auction or slot allocation, written into reusable arrays so that running an auction at every
 * choking round allocates nothing once the arrays have grown to the largest candidate count. Winner {@code j}
 * ({@code 0 <= j < count()}) is candidate {@link #winner(int)}; if {@link #sold(int)} it won through its bid and pays
 * {@link #price(int)} nano-BTT per KiB, otherwise it holds a reciprocation slot and pays nothing. Also holds the
 * scratch arrays that {@link AuctionFormat} and {@link SlotAllocation} implementations work in.
 *
 * <p>Invariant: winners are distinct, listed best first, and a winner that is not sold has price 0.
 */
public final class AuctionOutcome {

    private int count;
    private int[] winners = new int[8];
    private long[] prices = new long[8];
    private boolean[] sold = new boolean[8];

    private int[] order = new int[8];
    private int[] indices = new int[8];
    private long[] bids = new long[8];

    public int count() {
        return count;
    }

    public int winner(int j) {
        checkIndex(j);
        return winners[j];
    }

    public long price(int j) {
        checkIndex(j);
        return prices[j];
    }

    public boolean sold(int j) {
        checkIndex(j);
        return sold[j];
    }

    /** Whether candidate {@code candidate} is among the winners (linear in the winner count). */
    public boolean isWinner(int candidate) {
        for (int j = 0; j < count; j++) {
            if (winners[j] == candidate) {
                return true;
            }
        }
        return false;
    }

    /** Removes every winner. */
    public void clear() {
        count = 0;
    }

    /** Appends a winner; a reciprocation (unsold) winner must have price 0. */
    public void add(int candidate, long price, boolean viaBid) {
        if (price < 0 || (!viaBid && price != 0)) {
            throw new IllegalArgumentException("bad price " + price + " (sold=" + viaBid + ")");
        }
        if (count == winners.length) {
            int cap = count * 2;
            winners = Arrays.copyOf(winners, cap);
            prices = Arrays.copyOf(prices, cap);
            sold = Arrays.copyOf(sold, cap);
        }
        winners[count] = candidate;
        prices[count] = price;
        sold[count] = viaBid;
        count++;
    }

    /** Renames winner {@code j} (used when an auction ran over a compacted candidate list). */
    public void setWinner(int j, int candidate) {
        checkIndex(j);
        winners[j] = candidate;
    }

    /** A scratch array of at least {@code n} ints for rankings; contents are undefined on return. */
    public int[] orderScratch(int n) {
        if (order.length < n) {
            order = new int[Math.max(n, order.length * 2)];
        }
        return order;
    }

    /** A second scratch array of at least {@code n} ints, distinct from {@link #orderScratch}. */
    public int[] indexScratch(int n) {
        if (indices.length < n) {
            indices = new int[Math.max(n, indices.length * 2)];
        }
        return indices;
    }

    /** A scratch array of at least {@code n} longs. */
    public long[] bidScratch(int n) {
        if (bids.length < n) {
            bids = new long[Math.max(n, bids.length * 2)];
        }
        return bids;
    }

    private void checkIndex(int j) {
        if (j < 0 || j >= count) {
            throw new IndexOutOfBoundsException("winner " + j + " of " + count);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("AuctionOutcome[");
        for (int j = 0; j < count; j++) {
            sb.append(j == 0 ? "" : ", ").append(winners[j]).append(sold[j] ? "@" + prices[j] : "(recip)");
        }
        return sb.append(']').toString();
    }
}
