package org.speedsim.engine.kernel;

import java.util.Arrays;

/**
 * An indexed binary min-heap of events held in primitive arrays (after PeerSim's event heap): every event lives in a
 * slot; the heap orders slot numbers by (time, sequence); {@code pos[slot]} tracks each slot's heap position so that
 * cancellation and rescheduling are O(log n). Slots are recycled through a free stack and carry a generation number,
 * which is folded into the handle so that a handle outliving its event is detected. The simulator's default is the
 * faster {@link FourAryHeapEventList}; this simpler list stays as an alternative and a cross-check in tests.
 *
 * <p>Invariant: heap order holds after every public call; no call allocates except when the arrays grow.
 */
public final class BinaryHeapEventList implements EventList {

    private long[] time;
    private long[] seq;
    private int[] kind;
    private int[] target;
    private long[] arg;
    private int[] generation;
    private int[] pos;
    private int[] heap;
    private int[] free;
    private int freeTop;
    private int size;
    private int slotsUsed;
    private long nextSeq;

    private long curTime;
    private int curKind;
    private int curTarget;
    private long curArg;

    public BinaryHeapEventList() {
        this(1024);
    }

    public BinaryHeapEventList(int initialCapacity) {
        int c = Math.max(16, initialCapacity);
        time = new long[c];
        seq = new long[c];
        kind = new int[c];
        target = new int[c];
        arg = new long[c];
        generation = new int[c];
        pos = new int[c];
        heap = new int[c];
        free = new int[c];
    }

    @Override
    public long schedule(long t, int k, int tg, long a) {
        int slot = allocSlot();
        time[slot] = t;
        seq[slot] = nextSeq++;
        kind[slot] = k;
        target[slot] = tg;
        arg[slot] = a;
        heap[size] = slot;
        pos[slot] = size;
        size++;
        siftUp(size - 1);
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
        long oldT = time[slot];
        time[slot] = t;
        seq[slot] = nextSeq++;
        int p = pos[slot];
        if (t < oldT) {
            siftUp(p);
        } else {
            siftDown(p);
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
        return size == 0 ? Long.MAX_VALUE : time[heap[0]];
    }

    @Override
    public long peekSequence() {
        return size == 0 ? Long.MAX_VALUE : seq[heap[0]];
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
        int slot = heap[0];
        curTime = time[slot];
        curKind = kind[slot];
        curTarget = target[slot];
        curArg = arg[slot];
        removeAt(0);
        releaseSlot(slot);
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
        if (slot < 0 || slot >= slotsUsed) {
            return -1;
        }
        if (generation[slot] != (int) (handle >>> 32) || pos[slot] < 0) {
            return -1;
        }
        return slot;
    }

    private int allocSlot() {
        if (freeTop > 0) {
            int s = free[--freeTop];
            return s;
        }
        if (slotsUsed == time.length) {
            grow();
        }
        int s = slotsUsed++;
        pos[s] = -1;
        return s;
    }

    private void releaseSlot(int slot) {
        pos[slot] = -1;
        generation[slot]++;
        free[freeTop++] = slot;
    }

    private void grow() {
        int c = time.length * 2;
        time = Arrays.copyOf(time, c);
        seq = Arrays.copyOf(seq, c);
        kind = Arrays.copyOf(kind, c);
        target = Arrays.copyOf(target, c);
        arg = Arrays.copyOf(arg, c);
        generation = Arrays.copyOf(generation, c);
        pos = Arrays.copyOf(pos, c);
        heap = Arrays.copyOf(heap, c);
        free = Arrays.copyOf(free, c);
    }

    private void removeAt(int p) {
        size--;
        if (p == size) {
            return;
        }
        int moved = heap[size];
        heap[p] = moved;
        pos[moved] = p;
        siftDown(p);
        if (heap[p] == moved) {
            siftUp(p);
        }
    }

    private boolean less(int a, int b) {
        long ta = time[a];
        long tb = time[b];
        return ta < tb || (ta == tb && seq[a] < seq[b]);
    }

    private void siftUp(int p) {
        int slot = heap[p];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int ps = heap[parent];
            if (!less(slot, ps)) {
                break;
            }
            heap[p] = ps;
            pos[ps] = p;
            p = parent;
        }
        heap[p] = slot;
        pos[slot] = p;
    }

    private void siftDown(int p) {
        int slot = heap[p];
        int half = size >>> 1;
        while (p < half) {
            int child = 2 * p + 1;
            int cs = heap[child];
            int right = child + 1;
            if (right < size && less(heap[right], cs)) {
                child = right;
                cs = heap[right];
            }
            if (!less(cs, slot)) {
                break;
            }
            heap[p] = cs;
            pos[cs] = p;
            p = child;
        }
        heap[p] = slot;
        pos[slot] = p;
    }
}
