package org.speedsim.strategies.choking;

import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.RechokeView;
import org.speedsim.engine.swarm.SeedPolicy;

/**
 * The reference BitTorrent choker (mainline). A leecher gives its regular slots to the interested neighbours that
 * uploaded the most to it over the rate window (tit-for-tat). A seed, by default, serves its interested neighbours
 * round-robin: those it has not served for longest go first, and a peer just served goes to the back; the older
 * alternative ranks them by how fast it uploaded to them ({@link SeedPolicy#UPLOAD_RATE}). Ties favour peers already
 * unchoked, then lower peer ids: no randomness. The optimistic slot rotates, in optimistic rounds, to an interested
 * neighbour outside the regular slots drawn from the peer's {@code choking} stream, a peer this one never unchoked
 * being three times as likely (as in mainline, so newcomers get their first pieces); between rotations the
 * current optimistic peer keeps the slot.
 */
public final class TitForTatChoker implements ChokingPolicy {

    /** Weight of a never-unchoked peer in the optimistic draw. */
    static final int NEWCOMER_WEIGHT = 3;

    private final SeedPolicy seedPolicy;
    private int[] order = new int[16];
    private long[] key = new long[16];

    public TitForTatChoker(int peer) {
        this(peer, SeedPolicy.ROUND_ROBIN);
    }

    public TitForTatChoker(int peer, SeedPolicy seedPolicy) {
        this.seedPolicy = seedPolicy;
    }

    /** The factory of chokers whose seeds use {@code policy}. */
    public static ChokingPolicy.Factory withSeedPolicy(SeedPolicy policy) {
        return p -> new TitForTatChoker(p, policy);
    }

    @Override
    public void rechoke(RechokeView v) {
        int n = v.candidates();
        if (n == 0) {
            return;
        }
        if (order.length < n) {
            order = new int[Math.max(n, order.length * 2)];
            key = new long[order.length];
        }
        boolean seed = v.isSeed();
        for (int i = 0; i < n; i++) {
            order[i] = i;
            if (!seed) {
                key[i] = v.bytesReceivedFrom(i);
            } else if (seedPolicy == SeedPolicy.UPLOAD_RATE) {
                key[i] = v.bytesSentTo(i);
            } else {
                // longest unserved first: the key is minus the time service last ended (now while being served)
                long servedUntil = v.isUnchoked(i) ? v.now() : v.lastChokedAt(i);
                key[i] = -servedUntil;
            }
        }
        int regular = Math.min(v.regularSlots(), n);
        selectTop(v, n, regular);
        for (int r = 0; r < regular; r++) {
            v.unchoke(order[r]);
        }
        if (n <= regular) {
            return;
        }
        int keep = -1;
        if (!v.optimisticRound()) {
            for (int r = regular; r < n; r++) {
                if (v.isOptimistic(order[r])) {
                    keep = order[r];
                }
            }
        }
        if (keep < 0) {
            keep = drawOptimistic(v, regular, n);
        }
        v.unchokeOptimistic(keep);
    }

    private int drawOptimistic(RechokeView v, int from, int n) {
        int total = 0;
        for (int r = from; r < n; r++) {
            total += weight(v, order[r]);
        }
        int x = v.rng().nextInt(total);
        for (int r = from; r < n; r++) {
            x -= weight(v, order[r]);
            if (x < 0) {
                return order[r];
            }
        }
        return order[n - 1];
    }

    private static int weight(RechokeView v, int i) {
        return v.lastUnchokedAt(i) < 0 ? NEWCOMER_WEIGHT : 1;
    }

    /**
     * Moves the best {@code k} candidates (key descending, then unchoked first, then peer id) to the front of
     * {@code order}, in that order: k is the few regular slots, so a selection beats a sort of all candidates.
     */
    private void selectTop(RechokeView v, int n, int k) {
        for (int r = 0; r < k; r++) {
            int best = r;
            for (int i = r + 1; i < n; i++) {
                if (before(v, order[i], key[order[i]], order[best])) {
                    best = i;
                }
            }
            int t = order[r];
            order[r] = order[best];
            order[best] = t;
        }
    }

    private boolean before(RechokeView v, int a, long ka, int b) {
        long kb = key[b];
        if (ka != kb) {
            return ka > kb;
        }
        boolean ua = v.isUnchoked(a);
        if (ua != v.isUnchoked(b)) {
            return ua;
        }
        return v.peer(a) < v.peer(b);
    }
}
