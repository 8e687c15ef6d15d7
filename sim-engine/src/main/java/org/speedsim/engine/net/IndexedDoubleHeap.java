package org.speedsim.engine.net;

import java.util.Arrays;

/**
 * An indexed binary min-heap of small non-negative int items keyed by {@code double}, held in primitive arrays.
 * Each item is in the heap at most once; its key can be changed in place and it can be removed in O(log n).
 *
 * <p>Invariant: heap order holds after every public call, {@code pos[item]} is the item's heap position or -1, and
 * no call allocates except when {@link #ensureItems} grows the arrays.
 */
final class IndexedDoubleHeap {

    private int[] heap;
    private int[] pos;
    private double[] key;
    private int size;

    IndexedDoubleHeap(int items) {
        int c = Math.max(16, items);
        heap = new int[c];
        pos = new int[c];
        key = new double[c];
        Arrays.fill(pos, -1);
    }

    /** Makes room for items {@code 0 .. items-1}. */
    void ensureItems(int items) {
        if (items <= pos.length) {
            return;
        }
        int c = Math.max(items, pos.length * 2);
        int old = pos.length;
        heap = Arrays.copyOf(heap, c);
        pos = Arrays.copyOf(pos, c);
        key = Arrays.copyOf(key, c);
        Arrays.fill(pos, old, c, -1);
    }

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    boolean contains(int item) {
        return pos[item] >= 0;
    }

    /** Removes every item; O(size). */
    void clear() {
        for (int i = 0; i < size; i++) {
            pos[heap[i]] = -1;
        }
        size = 0;
    }

    void add(int item, double k) {
        key[item] = k;
        heap[size] = item;
        pos[item] = size;
        size++;
        siftUp(size - 1);
    }

    /** Changes the key of an item that is in the heap. */
    void update(int item, double k) {
        double old = key[item];
        key[item] = k;
        if (k < old) {
            siftUp(pos[item]);
        } else {
            siftDown(pos[item]);
        }
    }

    /** Removes the item if present. */
    void remove(int item) {
        int p = pos[item];
        if (p < 0) {
            return;
        }
        pos[item] = -1;
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

    double peekKey() {
        return key[heap[0]];
    }

    int peek() {
        return heap[0];
    }

    int poll() {
        int top = heap[0];
        remove(top);
        return top;
    }

    private void siftUp(int p) {
        int item = heap[p];
        double k = key[item];
        while (p > 0) {
            int parent = (p - 1) >>> 1;
            int pi = heap[parent];
            if (key[pi] <= k) {
                break;
            }
            heap[p] = pi;
            pos[pi] = p;
            p = parent;
        }
        heap[p] = item;
        pos[item] = p;
    }

    private void siftDown(int p) {
        int item = heap[p];
        double k = key[item];
        int half = size >>> 1;
        while (p < half) {
            int child = 2 * p + 1;
            int ci = heap[child];
            int right = child + 1;
            if (right < size && key[heap[right]] < key[ci]) {
                child = right;
                ci = heap[right];
            }
            if (key[ci] >= k) {
                break;
            }
            heap[p] = ci;
            pos[ci] = p;
            p = child;
        }
        heap[p] = item;
        pos[item] = p;
    }
}
