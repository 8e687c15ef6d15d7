package org.speedsim.engine.speed;

import java.util.Arrays;

/**
 * The Speed state of every connected (provider, requester) direction between two Speed peers, in parallel primitive
 * arrays indexed by a slot, found through an open-addressing hash of the pair (linear probing, backward-shift
 * deletion). Lookups, inserts and removals allocate nothing once the arrays have grown.
 *
 * <p>Invariant: a pair has at most one slot; a freed slot's {@link #epoch} keeps counting up, so an event scheduled
 * for an earlier occupant of the slot can tell it is stale.
 */
final class PairTable {

    private static final long EMPTY = -1L;

    private long[] keys = new long[64];
    private int[] slotOf = new int[64];
    private int mask = 63;
    private int size;

    private int[] free = new int[16];
    private int freeTop;
    private int used;

    int[] provider = new int[16];
    int[] requester = new int[16];
    /** Price of the slot the provider currently gives the requester, nano-BTT per KiB (0 = free or choked). */
    long[] price = new long[16];
    /** Price in force: of the last bid response that reached the requester (0 for a free slot or none yet). */
    long[] agreed = new long[16];
    /** Price captured when the provider started the current piece. */
    long[] chargePrice = new long[16];
    /** Micro-BTT charged for verified pieces, accepted in payments, and written off after payment timeouts. */
    long[] charged = new long[16];
    long[] paid = new long[16];
    long[] writtenOff = new long[16];
    long[] epoch = new long[16];
    int[] failures = new int[16];
    /** The channel of the last payment the provider accepted from the requester, or -1. */
    int[] channel = new int[16];
    /** Whether the two peers are connected now (a pair outlives its connection until one of them leaves). */
    boolean[] connected = new boolean[16];
    /** One-way latency of Speed messages between the two peers, microseconds (the same in both directions). */
    long[] latency = new long[16];
    /** The last bid the requester sent the provider, and the last one that arrived there (0 = none). */
    long[] bidSent = new long[16];
    long[] bidKnown = new long[16];
    /** Counts the provider's chokes of the requester; a bid response sent before the latest choke is void. */
    long[] slotEpoch = new long[16];
    /** Bid responses of a fresh sold unchoke still travelling: the provider starts no piece until they arrive. */
    int[] responsesAwaited = new int[16];
    /** Payment messages from the requester still travelling to the provider. */
    int[] paymentsTravelling = new int[16];
    /** Per peer, the slots of the pairs it was added to (entries go stale when a slot is reused). */
    private int[][] byPeer = new int[0][];
    private int[] byPeerCount = new int[0];

    PairTable() {
        Arrays.fill(keys, EMPTY);
    }

    private static long key(int p, int r) {
        return ((long) p << 32) | (r & 0xffffffffL);
    }

    private static int hash(long k) {
        long h = k * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The slot of (p, r), or -1. */
    int find(int p, int r) {
        long k = key(p, r);
        for (int i = hash(k) & mask; ; i = (i + 1) & mask) {
            long x = keys[i];
            if (x == k) {
                return slotOf[i];
            }
            if (x == EMPTY) {
                return -1;
            }
        }
    }

    /** The slot of (p, r), created with cleared fields if absent. */
    int add(int p, int r) {
        int s = find(p, r);
        if (s >= 0) {
            return s;
        }
        if (2 * (size + 1) > keys.length) {
            rehash(keys.length * 2);
        }
        s = freeTop > 0 ? free[--freeTop] : newSlot();
        provider[s] = p;
        requester[s] = r;
        price[s] = 0;
        agreed[s] = 0;
        chargePrice[s] = 0;
        charged[s] = 0;
        paid[s] = 0;
        writtenOff[s] = 0;
        failures[s] = 0;
        channel[s] = -1;
        connected[s] = false;
        latency[s] = 0;
        bidSent[s] = 0;
        bidKnown[s] = 0;
        slotEpoch[s]++;
        responsesAwaited[s] = 0;
        paymentsTravelling[s] = 0;
        epoch[s]++;
        insert(key(p, r), s);
        size++;
        listUnder(p, s);
        listUnder(r, s);
        return s;
    }

    private void listUnder(int peer, int s) {
        if (peer >= byPeer.length) {
            int c = Math.max(peer + 1, byPeer.length * 2);
            byPeer = Arrays.copyOf(byPeer, c);
            byPeerCount = Arrays.copyOf(byPeerCount, c);
        }
        int[] l = byPeer[peer];
        int n = byPeerCount[peer];
        if (l == null) {
            l = new int[8];
        } else if (n == l.length) {
            l = Arrays.copyOf(l, n * 2);
        }
        l[n] = s;
        byPeer[peer] = l;
        byPeerCount[peer] = n + 1;
    }

    /** Removes every pair that involves {@code peer} and forgets the peer's list. */
    void removePeer(int peer) {
        if (peer >= byPeer.length || byPeer[peer] == null) {
            return;
        }
        int[] l = byPeer[peer];
        for (int i = 0; i < byPeerCount[peer]; i++) {
            int s = l[i];
            int a = provider[s];
            int b = requester[s];
            if (a == peer || b == peer) {
                remove(a, b);
            }
        }
        byPeer[peer] = null;
        byPeerCount[peer] = 0;
    }

    /** Removes (p, r); returns its former slot or -1. */
    int remove(int p, int r) {
        long k = key(p, r);
        int i = hash(k) & mask;
        while (keys[i] != k) {
            if (keys[i] == EMPTY) {
                return -1;
            }
            i = (i + 1) & mask;
        }
        int s = slotOf[i];
        keys[i] = EMPTY;
        size--;
        // backward-shift the cluster after i
        int j = i;
        while (true) {
            j = (j + 1) & mask;
            if (keys[j] == EMPTY) {
                break;
            }
            int home = hash(keys[j]) & mask;
            boolean between = i <= j ? (home > i && home <= j) : (home > i || home <= j);
            if (!between) {
                keys[i] = keys[j];
                slotOf[i] = slotOf[j];
                keys[j] = EMPTY;
                i = j;
            }
        }
        epoch[s]++;
        if (freeTop == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeTop++] = s;
        return s;
    }

    int size() {
        return size;
    }

    /** Micro-BTT owed and neither paid nor written off. */
    long debt(int s) {
        return charged[s] - paid[s] - writtenOff[s];
    }

    private void insert(long k, int s) {
        int i = hash(k) & mask;
        while (keys[i] != EMPTY) {
            i = (i + 1) & mask;
        }
        keys[i] = k;
        slotOf[i] = s;
    }

    private void rehash(int cap) {
        long[] ok = keys;
        int[] os = slotOf;
        keys = new long[cap];
        Arrays.fill(keys, EMPTY);
        slotOf = new int[cap];
        mask = cap - 1;
        for (int i = 0; i < ok.length; i++) {
            if (ok[i] != EMPTY) {
                insert(ok[i], os[i]);
            }
        }
    }

    private int newSlot() {
        if (used == provider.length) {
            int c = used * 2;
            provider = Arrays.copyOf(provider, c);
            requester = Arrays.copyOf(requester, c);
            price = Arrays.copyOf(price, c);
            agreed = Arrays.copyOf(agreed, c);
            chargePrice = Arrays.copyOf(chargePrice, c);
            charged = Arrays.copyOf(charged, c);
            paid = Arrays.copyOf(paid, c);
            writtenOff = Arrays.copyOf(writtenOff, c);
            epoch = Arrays.copyOf(epoch, c);
            failures = Arrays.copyOf(failures, c);
            channel = Arrays.copyOf(channel, c);
            connected = Arrays.copyOf(connected, c);
            latency = Arrays.copyOf(latency, c);
            bidSent = Arrays.copyOf(bidSent, c);
            bidKnown = Arrays.copyOf(bidKnown, c);
            slotEpoch = Arrays.copyOf(slotEpoch, c);
            responsesAwaited = Arrays.copyOf(responsesAwaited, c);
            paymentsTravelling = Arrays.copyOf(paymentsTravelling, c);
        }
        return used++;
    }
}
