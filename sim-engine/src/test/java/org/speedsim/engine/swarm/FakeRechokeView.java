package org.speedsim.engine.swarm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A scripted rechoke view for choker tests: a test sets each candidate's numbers in the public arrays (candidate
 * {@code i} is peer {@code 100 + i}; three regular slots), runs a choker on it, and reads back what it decided in
 * {@link #regular}, {@link #optimisticPick} and {@link #price}. Shared through this module's test jar.
 */
public final class FakeRechokeView implements RechokeView {
    public final int n;
    public final long[] bids;
    public final long[] recv;
    public final long[] sent;
    public final boolean[] unchoked;
    public final boolean[] optimistic;
    public final long[] lastChoked;
    public final long[] lastUnchoked;
    public boolean seed;
    public boolean optimisticRound = true;
    public long now = 1_000_000;
    public final List<Integer> regular = new ArrayList<>();
    public final long[] price;
    public int optimisticPick = -1;
    /** The choking stream; null: a draw fails the test. */
    public RandomGenerator rng;

    public FakeRechokeView(int n) {
        this.n = n;
        bids = new long[n];
        recv = new long[n];
        sent = new long[n];
        unchoked = new boolean[n];
        optimistic = new boolean[n];
        lastChoked = new long[n];
        lastUnchoked = new long[n];
        price = new long[n];
        Arrays.fill(lastChoked, -1);
        Arrays.fill(lastUnchoked, -1);
    }

    @Override
    public int self() {
        return 0;
    }

    @Override
    public boolean isSeed() {
        return seed;
    }

    @Override
    public long now() {
        return now;
    }

    @Override
    public long round() {
        return 0;
    }

    @Override
    public int regularSlots() {
        return 3;
    }

    @Override
    public boolean optimisticRound() {
        return optimisticRound;
    }

    @Override
    public int candidates() {
        return n;
    }

    @Override
    public int peer(int i) {
        return 100 + i;
    }

    @Override
    public long bytesReceivedFrom(int i) {
        return recv[i];
    }

    @Override
    public long bytesSentTo(int i) {
        return sent[i];
    }

    @Override
    public boolean isUnchoked(int i) {
        return unchoked[i];
    }

    @Override
    public boolean isOptimistic(int i) {
        return optimistic[i];
    }

    @Override
    public long lastChokedAt(int i) {
        return lastChoked[i];
    }

    @Override
    public long lastUnchokedAt(int i) {
        return lastUnchoked[i];
    }

    @Override
    public RandomGenerator rng() {
        if (rng == null) {
            throw new AssertionError("this test's choker should draw no random numbers");
        }
        return rng;
    }

    @Override
    public long bid(int i) {
        return bids[i];
    }

    @Override
    public void setPrice(int i, long p) {
        if (!regular.contains(i)) {
            throw new AssertionError("price only for a regular winner: " + i);
        }
        price[i] = p;
    }

    @Override
    public void unchoke(int i) {
        regular.add(i);
    }

    @Override
    public void unchokeOptimistic(int i) {
        optimisticPick = i;
    }
}

