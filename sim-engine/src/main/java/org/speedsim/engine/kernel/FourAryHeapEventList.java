package org.speedsim.engine.kernel;

import java.util.Arrays;

/**
 * An indexed 4-ary min-heap of events in primitive arrays, the default event list. Each event lives in a slot holding
 * its payload (kind, target, arg), its sequence number, its generation and its heap position; the heap itself stores,
 * per position, the event's time next to its slot number, so a sift compares times in adjacent memory (the four
 * children of a node share one or two cache lines) and reads a sequence number through the slot only when two times are
 * equal. A 4-ary heap is half as deep as a binary one, which pays off because popping the earliest event dominates a
 * simulation. Slots are recycled through a free stack; the generation is folded into the handle, so a handle outliving
 * its event is recognised.
 *
 * <p>The heap arrays extend four positions past the slot capacity and the times from position size on are
 * {@code Long.MAX_VALUE}, so every node's four children can be read without comparing their positions to the size. The
 * earliest of four children is chosen by times alone with branch-free arithmetic (a branch on each comparison would be
 * mispredicted often): as long as no negative time has been scheduled, the difference of two times (padding included)
 * cannot overflow and its sign bit is the comparison; after the first negative time, an overflow-safe formula is used
 * for good. When any two of the times compared are equal, which includes an event at {@code Long.MAX_VALUE} meeting the
 * padding, the choice is redone comparing (time, sequence) over the real children only.
 *
 * <p>{@link #pop()} walks the hole left by the root down the path of earliest children to the bottom, then sifts the
 * last event up from there: the last event almost always belongs near the bottom, so this saves comparing it at every
 * level on the way down. As no branch predicts the path, the processor would fetch each level only once the previous
 * one is decided; so the walk also loads the times and slots of the sixteen grandchildren (adjacent in both arrays) a
 * level ahead, folding the values into a field only so that the compiler keeps the loads.
 *
 * <p>Invariant: after every public call, for every position 0 &lt; p &lt; size the key (time, sequence) at p is not
 * less than the key at its parent (p - 1) / 4, {@code pos[heapSlot[p]] == p}, every position from size to the end of
 * {@code heapTime} holds {@code Long.MAX_VALUE}, {@code negativeTimes} is set if any pending time is negative, and no
 * call allocates except when the arrays grow.
 */
public final class FourAryHeapEventList implements EventList {

    private static final long PAD = Long.MAX_VALUE;

    private long[] heapTime;
    private int[] heapSlot;

    private int[] kind;
    private int[] target;
    private long[] arg;
    private long[] seq;
    private int[] generation;
    private int[] pos;

    private int[] free;
    private int freeTop;
    private int slotsUsed;
    private int size;
    private long nextSeq;
    private boolean negativeTimes;
    private long lookAhead;

    private long curTime;
    private int curKind;
    private int curTarget;
    private long curArg;

    public FourAryHeapEventList() {
        this(1024);
    }

    public FourAryHeapEventList(int initialCapacity) {
        int c = Math.max(16, initialCapacity);
        heapTime = new long[c + 4];
        Arrays.fill(heapTime, PAD);
        heapSlot = new int[c + 4];
        kind = new int[c];
        target = new int[c];
        arg = new long[c];
        seq = new long[c];
        generation = new int[c];
        pos = new int[c];
        free = new int[c];
    }

    @Override
    public long schedule(long t, int k, int tg, long a) {
        int slot = allocSlot();
        kind[slot] = k;
        target[slot] = tg;
        arg[slot] = a;
        long s = nextSeq++;
        seq[slot] = s;
        negativeTimes |= t < 0;
        siftUp(size++, t, s, slot);
        return ((long) generation[slot] << 32) | slot;
    }

    @Override
    public boolean cancel(long handle) {
        int slot = slotOf(handle);
        if (slot < 0) {
            return false;
        }
        removeAt(pos[slot]);
        releaseSlot(slot);
        return true;
    }

    @Override
    public boolean reschedule(long handle, long t) {
        int slot = slotOf(handle);
        if (slot < 0) {
            return false;
        }
        int p = pos[slot];
        long s = nextSeq++;
        seq[slot] = s;
        negativeTimes |= t < 0;
        if (t < heapTime[p]) {
            siftUp(p, t, s, slot);
        } else {
            siftDown(p, t, s, slot);
        }
        return true;
    }

    @Override
    public boolean isPending(long handle) {
        return slotOf(handle) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long peekTime() {
        return size == 0 ? Long.MAX_VALUE : heapTime[0];
    }

    @Override
    public long peekSequence() {
        return size == 0 ? Long.MAX_VALUE : seq[heapSlot[0]];
    }

    @Override
    public long takeSequence() {
        return nextSeq++;
    }

    @Override
    public boolean pop() {
        if (size == 0) {
            return false;
        }
        long[] ht = heapTime;
        int[] hslot = heapSlot;
        int slot = hslot[0];
        curTime = ht[0];
        curKind = kind[slot];
        curTarget = target[slot];
        curArg = arg[slot];
        releaseSlot(slot);
        int n = --size;
        long t = ht[n];
        int moved = hslot[n];
        ht[n] = PAD;
        if (n > 0) {
            siftUp(descend(n), t, seq[moved], moved);
        }
        return true;
    }

    @Override
    public long time() {
        return curTime;
    }

    @Override
    public int kind() {
        return curKind;
    }

    @Override
    public int target() {
        return curTarget;
    }

    @Override
    public long arg() {
        return curArg;
    }

    private int slotOf(long handle) {
        int slot = (int) handle;
        if (slot < 0 || slot >= slotsUsed || generation[slot] != (int) (handle >>> 32) || pos[slot] < 0) {
            return -1;
        }
        return slot;
    }

    private int allocSlot() {
        if (freeTop > 0) {
            return free[--freeTop];
        }
        if (slotsUsed == kind.length) {
            grow();
        }
        return slotsUsed++;
    }

    private void releaseSlot(int slot) {
        pos[slot] = -1;
        generation[slot]++;
        free[freeTop++] = slot;
    }

    private void grow() {
        int old = kind.length;
        int c = old * 2;
        heapTime = Arrays.copyOf(heapTime, c + 4);
        Arrays.fill(heapTime, old + 4, c + 4, PAD);
        heapSlot = Arrays.copyOf(heapSlot, c + 4);
        kind = Arrays.copyOf(kind, c);
        target = Arrays.copyOf(target, c);
        arg = Arrays.copyOf(arg, c);
        seq = Arrays.copyOf(seq, c);
        generation = Arrays.copyOf(generation, c);
        pos = Arrays.copyOf(pos, c);
        free = Arrays.copyOf(free, c);
    }

    /**
     * Moves the hole at the root down to the bottom along the earliest children, n being the size, and returns its
     * final position.
     */
    private int descend(int n) {
        long[] ht = heapTime;
        int[] hslot = heapSlot;
        int[] ps = pos;
        boolean exact = negativeTimes;
        int lastGroup = ht.length - 16;
        long loaded = 0;
        int p = 0;
        int c;
        while ((c = 4 * p + 1) < n) {
            int g = Math.min(4 * c + 1, lastGroup);
            loaded ^= ht[g] ^ ht[g + 8] ^ ht[g + 15] ^ hslot[g] ^ hslot[g + 15];
            int m = exact ? minChild(ht, c, n) : minChildNonNegative(ht, c, n);
            int ms = hslot[m];
            ht[p] = ht[m];
            hslot[p] = ms;
            ps[ms] = p;
            p = m;
        }
        lookAhead = loaded;
        return p;
    }

    /** Removes the entry at heap position p and refills the hole with the last entry. */
    private void removeAt(int p) {
        int n = --size;
        long t = heapTime[n];
        int slot = heapSlot[n];
        heapTime[n] = PAD;
        if (p == n) {
            return;
        }
        long s = seq[slot];
        if (p > 0 && before(t, s, (p - 1) >>> 2)) {
            siftUp(p, t, s, slot);
        } else {
            siftDown(p, t, s, slot);
        }
    }

    /** Whether the key (t, s) is less than the key at position q. */
    private boolean before(long t, long s, int q) {
        long qt = heapTime[q];
        return t < qt || (t == qt && s < seq[heapSlot[q]]);
    }

    /** The position of the earliest of the children c..c+3 (c &lt; n), the ones at n or beyond being padding. */
    private int minChild(long[] ht, int c, int n) {
        long t0 = ht[c];
        long t1 = ht[c + 1];
        long t2 = ht[c + 2];
        long t3 = ht[c + 3];
        long l01 = less(t1, t0);
        long m01 = t0 ^ ((t0 ^ t1) & -l01);
        long l23 = less(t3, t2);
        long m23 = t2 ^ ((t2 ^ t3) & -l23);
        long l = less(m23, m01);
        int m = c + (int) (l01 ^ ((l01 ^ (2 + l23)) & -l));
        if ((t0 == t1) | (t2 == t3) | (m01 == m23)) {
            return minChildTied(c, n);
        }
        return m;
    }

    /** As {@link #minChild} when no time in the heap is negative, so no difference of two times overflows. */
    private int minChildNonNegative(long[] ht, int c, int n) {
        long t0 = ht[c];
        long t1 = ht[c + 1];
        long t2 = ht[c + 2];
        long t3 = ht[c + 3];
        long d01 = t1 - t0;
        long d23 = t3 - t2;
        long m01 = t0 + (d01 & (d01 >> 63));
        long m23 = t2 + (d23 & (d23 >> 63));
        long l01 = d01 >>> 63;
        long dm = m23 - m01;
        int m = c + (int) (l01 + ((dm >> 63) & (2 + (d23 >>> 63) - l01)));
        if ((d01 == 0) | (d23 == 0) | (dm == 0)) {
            return minChildTied(c, n);
        }
        return m;
    }

    /** 1 if x &lt; y, else 0 (signed, overflow-safe), without a branch. */
    private static long less(long x, long y) {
        long d = x - y;
        return (d ^ ((x ^ y) & (d ^ x))) >>> 63;
    }

    private int minChildTied(int c, int n) {
        int m = c;
        int end = Math.min(c + 4, n);
        for (int j = c + 1; j < end; j++) {
            if (before(heapTime[j], seq[heapSlot[j]], m)) {
                m = j;
            }
        }
        return m;
    }

    /** Places the entry (t, s, slot) at hole p or above it. */
    private void siftUp(int p, long t, long s, int slot) {
        long[] ht = heapTime;
        int[] hslot = heapSlot;
        int[] ps = pos;
        while (p > 0) {
            int parent = (p - 1) >>> 2;
            long pt = ht[parent];
            int pslot = hslot[parent];
            if (t > pt || (t == pt && s > seq[pslot])) {
                break;
            }
            ht[p] = pt;
            hslot[p] = pslot;
            ps[pslot] = p;
            p = parent;
        }
        ht[p] = t;
        hslot[p] = slot;
        ps[slot] = p;
    }

    /** Places the entry (t, s, slot) at hole p or below it. */
    private void siftDown(int p, long t, long s, int slot) {
        long[] ht = heapTime;
        int[] hslot = heapSlot;
        int[] ps = pos;
        int n = size;
        int c;
        while ((c = 4 * p + 1) < n) {
            int m = negativeTimes ? minChild(ht, c, n) : minChildNonNegative(ht, c, n);
            long mt = ht[m];
            int ms = hslot[m];
            if (t < mt || (t == mt && s < seq[ms])) {
                break;
            }
            ht[p] = mt;
            hslot[p] = ms;
            ps[ms] = p;
            p = m;
        }
        ht[p] = t;
        hslot[p] = slot;
        ps[slot] = p;
    }
}
