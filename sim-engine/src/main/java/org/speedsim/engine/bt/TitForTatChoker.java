package org.speedsim.engine.bt;

import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.RechokeView;

/**
 * The reference BitTorrent choker. A leecher gives its regular slots to the interested neighbours that uploaded the
 * most to it over the rate window (tit-for-tat); a seed gives them to the neighbours it uploaded to fastest. Ties
 * favour peers already unchoked, then lower peer ids: no randomness. The optimistic slot rotates, in optimistic
 * rounds, to a uniformly drawn interested neighbour outside the regular slots (the peer's {@code choking} stream);
 * between rotations the current optimistic peer keeps it.
 */
public final class TitForTatChoker implements ChokingPolicy {

    private int[] order = new int[16];
    private long[] key = new long[16];

    public TitForTatChoker(int peer) {
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
            key[i] = seed ? v.bytesSentTo(i) : v.bytesReceivedFrom(i);
        }
        sortDescending(v, n);
        int regular = Math.min(v.regularSlots(), n);
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
            keep = order[regular + v.rng().nextInt(n - regular)];
        }
        v.unchokeOptimistic(keep);
    }

    /** Insertion sort of {@code order} by key descending, then unchoked first, then peer id: n is at most ~127. */
    private void sortDescending(RechokeView v, int n) {
        for (int i = 1; i < n; i++) {
            int o = order[i];
            long k = key[o];
            int j = i - 1;
            while (j >= 0 && before(v, o, k, order[j])) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = o;
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
