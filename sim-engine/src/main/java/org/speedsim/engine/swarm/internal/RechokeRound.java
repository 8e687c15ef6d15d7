package org.speedsim.engine.swarm.internal;

import java.util.random.RandomGenerator;
import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.RechokeView;
import org.speedsim.engine.swarm.SwarmExtension;

/**
 * One choking round of one peer: {@link #begin} settles its flows and gathers its interested neighbours with their
 * rates and bids (the {@link RechokeView} its {@link ChokingPolicy} reads and marks), {@link #apply} chokes the
 * unmarked and unchokes the marked. One instance serves every round of a run, so a round allocates nothing.
 */
final class RechokeRound implements RechokeView {

    private final SwarmEngine engine;
    private int self;
    private int n;
    private int[] candDir = new int[128];
    private long[] recv = new long[128];
    private long[] sent = new long[128];
    private boolean[] chosen = new boolean[128];
    private long[] bids = new long[128];
    private long[] prices = new long[128];
    private int chosenCount;
    private int optimistic;
    /** Whether this is a periodic round (it rolls the rate window and counts), not an interest rechoke. */
    private boolean periodic;

    RechokeRound(SwarmEngine engine) {
        this.engine = engine;
    }

    void begin(int peer, boolean roll) {
        SwarmEngine s = engine;
        self = peer;
        periodic = roll;
        n = 0;
        chosenCount = 0;
        optimistic = -1;
        // only unchoked directions carry flows, so only they have bytes to settle
        for (int i = 0; i < s.serving.size(peer); i++) {
            s.settle(s.serving.get(peer, i));
        }
        for (int i = 0; i < s.served.size(peer); i++) {
            s.settle(s.served.get(peer, i));
        }
        int[] nb = s.nbr[peer];
        int[] od = s.outDir[peer];
        int[] id = s.inDir[peer];
        long[] rates = s.dirRates;
        // the loop below does too much per neighbour for its cache misses to overlap: load each line it will
        // need first (the neighbour's first piece word, both directions' rate lines)
        long sum = 0;
        for (int i = 0; i < s.connCount[peer]; i++) {
            sum += s.have[nb[i]][0] + rates[od[i] << 3] + rates[id[i] << 3];
        }
        s.warmed += sum;
        for (int i = 0; i < s.connCount[peer]; i++) {
            int neighbour = nb[i];
            int out = od[i];
            int in = id[i];
            long sentBytes = rates[(out << 3) + SwarmState.R_CUM] - rates[(out << 3) + SwarmState.R_UP2];
            long receivedBytes = rates[(in << 3) + SwarmState.R_CUM] - rates[(in << 3) + SwarmState.R_DOWN2];
            if (roll) {
                rates[(out << 3) + SwarmState.R_UP2] = rates[(out << 3) + SwarmState.R_UP1];
                rates[(out << 3) + SwarmState.R_UP1] = rates[(out << 3) + SwarmState.R_CUM];
                rates[(in << 3) + SwarmState.R_DOWN2] = rates[(in << 3) + SwarmState.R_DOWN1];
                rates[(in << 3) + SwarmState.R_DOWN1] = rates[(in << 3) + SwarmState.R_CUM];
            }
            if (!s.isSeed[neighbour] && s.interested(peer, neighbour) && !s.isBanned(peer, neighbour)) {
                candDir[n] = out;
                recv[n] = receivedBytes;
                sent[n] = sentBytes;
                chosen[n] = false;
                long bid = 0;
                for (SwarmExtension e : s.ext) {
                    bid += e.bidFor(peer, neighbour);
                }
                bids[n] = bid;
                prices[n] = 0;
                n++;
            }
        }
    }

    void apply() {
        SwarmEngine s = engine;
        int mark = ++s.markStamp;
        for (int i = 0; i < n; i++) {
            if (chosen[i] || i == optimistic) {
                s.dirMark[candDir[i]] = mark;
            }
        }
        // choke first so that freed bandwidth and slots are visible to the unchokes that follow
        int[] od = s.outDir[self];
        for (int i = s.connCount[self] - 1; i >= 0; i--) {
            if (i >= s.connCount[self]) {
                continue;
            }
            int d = od[i];
            if (s.dirUnchoked[d] && s.dirMark[d] != mark) {
                s.chokeDir(d);
            }
        }
        for (int i = 0; i < n; i++) {
            int d = candDir[i];
            if ((chosen[i] || i == optimistic) && s.connA[d >> 1] >= 0 && s.online[s.downloaderOf(d)]) {
                s.unchokeDir(d, i == optimistic && !chosen[i], chosen[i] ? prices[i] : 0);
            }
        }
    }

    @Override
    public int self() {
        return self;
    }

    @Override
    public boolean isSeed() {
        return engine.isSeed[self];
    }

    @Override
    public long now() {
        return engine.sim.now();
    }

    @Override
    public long round() {
        return engine.rechokeRound[self];
    }

    @Override
    public int regularSlots() {
        return engine.regularSlots;
    }

    @Override
    public boolean optimisticRound() {
        return periodic && engine.rechokeRound[self] % engine.optimisticEvery == 0;
    }

    @Override
    public int candidates() {
        return n;
    }

    @Override
    public int peer(int i) {
        return engine.downloaderOf(candDir[check(i)]);
    }

    @Override
    public long bytesReceivedFrom(int i) {
        return recv[check(i)];
    }

    @Override
    public long bytesSentTo(int i) {
        return sent[check(i)];
    }

    @Override
    public boolean isUnchoked(int i) {
        return engine.dirUnchoked[candDir[check(i)]];
    }

    @Override
    public boolean isOptimistic(int i) {
        return engine.dirOptimistic[candDir[check(i)]];
    }

    @Override
    public long lastChokedAt(int i) {
        return engine.dirLastChoke[candDir[check(i)]];
    }

    @Override
    public long lastUnchokedAt(int i) {
        return engine.dirLastUnchoke[candDir[check(i)]];
    }

    @Override
    public long bid(int i) {
        return bids[check(i)];
    }

    @Override
    public void setPrice(int i, long priceNanoPerKiB) {
        if (priceNanoPerKiB < 0) {
            throw new IllegalArgumentException("negative price " + priceNanoPerKiB);
        }
        prices[check(i)] = priceNanoPerKiB;
    }

    @Override
    public RandomGenerator rng() {
        return engine.chokeRng[self];
    }

    @Override
    public void unchoke(int i) {
        check(i);
        if (!chosen[i] && chosenCount < engine.regularSlots) {
            chosen[i] = true;
            chosenCount++;
        }
    }

    @Override
    public void unchokeOptimistic(int i) {
        optimistic = check(i);
    }

    private int check(int i) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("candidate " + i + " of " + n);
        }
        return i;
    }
}
