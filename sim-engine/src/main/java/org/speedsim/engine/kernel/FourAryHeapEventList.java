package org.speedsim.engine.kernel;

import java.util.Arrays;

/**
 * An indexed 4-ary min-heap of events in primitive arrays, the default event list. Each event lives in a slot
 * holding its payload (kind, target, arg), its generation and its heap position; the heap itself stores, per
 * position, the ordering key (time, sequence) next to the slot number, so a sift compares keys in adjacent memory
 * (the four children of a node share a cache line) instead of chasing slot numbers. A 4-ary heap is half as deep as
 * a binary one, which pays off because popping the earliest event dominates a simulation. Slots are recycled
 * through a free stack; the generation is folded into the handle, so a handle outliving its event is recognised.
 *
 * <p>Invariant: after every public call, for every position p &gt; 0 the key at p is not less than the key at its
 * parent (p - 1) / 4, and {@code pos[heapSlot[p]] == p}; no call allocates except when the arrays grow.
 */
public final class FourAryHeapEventList implements EventList {

    private long[] heapTime;
    private long[] heapSeq;
    private int[] heapSlot;

    private int[] kind;
    private int[] target;
    private long[] arg;
    private int[] generation;
    private int[] pos;

    private int[] free;
    private int freeTop;
    private int slotsUsed;
    private int size;
    private long nextSeq;

    private long curTime;
    private int curKind;
    private int curTarget;
    private long curArg;

    public FourAryHeapEventList() {
        this(1024);
    }

    public FourAryHeapEventList(int initialCapacity) {
        int c = Math.max(16, initialCapacity);
        heapTime = new long[c];
        heapSeq = new long[c];
        heapSlot = new int[c];
        kind = new int[c];
        target = new int[c];
        arg = new long[c];
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
        siftUp(size++, t, nextSeq++, slot);
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
        if (t < heapTime[p]) {
            siftUp(p, t, nextSeq++, slot);
        } else {
            siftDown(p, t, nextSeq++, slot);
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
        return size == 0 ? Long.MAX_VALUE : heapSeq[0];
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
        int slot = heapSlot[0];
        curTime = heapTime[0];
        curKind = kind[slot];
        curTarget = target[slot];
        curArg = arg[slot];
        releaseSlot(slot);
        int last = --size;
        if (last > 0) {
            siftDown(0, heapTime[last], heapSeq[last], heapSlot[last]);
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
        int c = kind.length * 2;
        heapTime = Arrays.copyOf(heapTime, c);
        heapSeq = Arrays.copyOf(heapSeq, c);
        heapSlot = Arrays.copyOf(heapSlot, c);
        kind = Arrays.copyOf(kind, c);
        target = Arrays.copyOf(target, c);
        arg = Arrays.copyOf(arg, c);
        generation = Arrays.copyOf(generation, c);
        pos = Arrays.copyOf(pos, c);
        free = Arrays.copyOf(free, c);
    }

    /** Removes the entry at heap position p and refills the hole with the last entry. */
    private void removeAt(int p) {
        int last = --size;
        if (p == last) {
            return;
        }
        long t = heapTime[last];
        long s = heapSeq[last];
        int slot = heapSlot[last];
        if (p > 0 && before(t, s, heapTime[(p - 1) >>> 2], heapSeq[(p - 1) >>> 2])) {
            siftUp(p, t, s, slot);
        } else {
            siftDown(p, t, s, slot);
        }
    }

    private static boolean before(long t, long s, long t2, long s2) {
        return t < t2 || (t == t2 && s < s2);
    }

    /** Places the entry (t, s, slot) at hole p or above it. */
    private void siftUp(int p, long t, long s, int slot) {
        long[] ht = heapTime;
        long[] hs = heapSeq;
        int[] hslot = heapSlot;
        while (p > 0) {
            int parent = (p - 1) >>> 2;
            long pt = ht[parent];
            if (t > pt || (t == pt && s > hs[parent])) {
                break;
            }
            int ps = hslot[parent];
            ht[p] = pt;
            hs[p] = hs[parent];
            hslot[p] = ps;
            pos[ps] = p;
            p = parent;
        }
        ht[p] = t;
        hs[p] = s;
        hslot[p] = slot;
        pos[slot] = p;
    }

    /** Places the entry (t, s, slot) at hole p or below it; positions at or beyond {@code size} are not read. */
    private void siftDown(int p, long t, long s, int slot) {
        long[] ht = heapTime;
        long[] hs = heapSeq;
        int[] hslot = heapSlot;
        int n = size;
        while (true) {
            int c = 4 * p + 1;
            if (c >= n) {
                break;
            }
            int m = c;
            long mt = ht[c];
            int end = Math.min(c + 4, n);
            for (int j = c + 1; j < end; j++) {
                long jt = ht[j];
                if (jt < mt || (jt == mt && hs[j] < hs[m])) {
                    m = j;
                    mt = jt;
                }
            }
            if (t < mt || (t == mt && s < hs[m])) {
                break;
            }
            int ms = hslot[m];
            ht[p] = mt;
            hs[p] = hs[m];
            hslot[p] = ms;
            pos[ms] = p;
            p = m;
        }
        ht[p] = t;
        hs[p] = s;
        hslot[p] = slot;
        pos[slot] = p;
    }
}
