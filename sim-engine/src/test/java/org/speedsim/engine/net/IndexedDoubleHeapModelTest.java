package org.speedsim.engine.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The indexed heap against a brute-force model (a map from item to key, minimum found by scanning) under random
 * adds, key changes up and down, removals of present and absent items, polls and clears, with few distinct keys so
 * that ties are common, and items past the initial capacity.
 */
class IndexedDoubleHeapModelTest {

    /** The minimum key of the model, or NaN when empty. */
    private static double minKey(Map<Integer, Double> model) {
        double min = Double.NaN;
        for (double k : model.values()) {
            if (Double.isNaN(min) || k < min) {
                min = k;
            }
        }
        return min;
    }

    @Test
    void agreesWithABruteForceModel() {
        for (long seed = 0; seed < 40; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            int items = 8 + rng.nextInt(60);
            IndexedDoubleHeap heap = new IndexedDoubleHeap(rng.nextBoolean() ? 4 : items);
            heap.ensureItems(items);
            Map<Integer, Double> model = new HashMap<>();
            int distinct = rng.nextBoolean() ? 3 : 1_000;
            for (int step = 0; step < 4_000; step++) {
                int item = rng.nextInt(items);
                double key = rng.nextInt(distinct) / 4.0;
                int op = rng.nextInt(100);
                if (op < 35) {
                    if (!model.containsKey(item)) {
                        heap.add(item, key);
                        model.put(item, key);
                    }
                } else if (op < 60) {
                    if (model.containsKey(item)) {
                        heap.update(item, key);
                        model.put(item, key);
                    }
                } else if (op < 75) {
                    heap.remove(item);
                    model.remove(item);
                } else if (op < 97) {
                    if (!model.isEmpty()) {
                        double min = minKey(model);
                        assertEquals(min, heap.peekKey(), "seed " + seed + " step " + step);
                        int top = heap.peek();
                        assertEquals(min, model.get(top));
                        assertEquals(top, heap.poll());
                        model.remove(top);
                    }
                } else if (op < 98) {
                    heap.clear();
                    model.clear();
                }
                assertEquals(model.size(), heap.size());
                assertEquals(model.isEmpty(), heap.isEmpty());
                assertEquals(model.containsKey(item), heap.contains(item));
            }
            // drain: keys come out in non-decreasing order
            double last = Double.NEGATIVE_INFINITY;
            while (!heap.isEmpty()) {
                double k = heap.peekKey();
                assertTrue(k >= last);
                last = k;
                int top = heap.poll();
                assertEquals(k, model.remove(top));
                assertFalse(heap.contains(top));
            }
            assertTrue(model.isEmpty());
        }
    }

    @Test
    void growingKeepsEveryItemAndMarksNewOnesAbsent() {
        IndexedDoubleHeap heap = new IndexedDoubleHeap(2);
        for (int i = 0; i < 16; i++) {
            heap.add(i, 16 - i);
        }
        heap.ensureItems(16);
        heap.ensureItems(40);
        for (int i = 16; i < 40; i++) {
            assertFalse(heap.contains(i));
        }
        heap.add(39, 0.5);
        assertEquals(39, heap.poll());
        for (int i = 15; i >= 0; i--) {
            assertEquals(i, heap.poll());
        }
        assertTrue(heap.isEmpty());
    }

    /**
     * A heap filled to exactly its capacity empties cleanly and can be refilled: clearing touches only the
     * {@code size} slots in use (the slot past them does not exist when the heap is full).
     */
    @Test
    void aFullHeapClearsAndRefills() {
        IndexedDoubleHeap heap = new IndexedDoubleHeap(16);
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 16; i++) {
                heap.add(i, (i * 7) % 16);
            }
            assertEquals(16, heap.size());
            heap.clear();
            assertTrue(heap.isEmpty());
            for (int i = 0; i < 16; i++) {
                assertFalse(heap.contains(i), "item " + i + " after clear, round " + round);
            }
        }
    }
}
