package org.speedsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edges of the simulator's contract not reached by ordinary runs: many event kinds, unregistered kinds, missing
 * arguments, a same-instant queue far beyond its first capacity interleaved with list events, and both event lists.
 */
class SimulatorContractTest {

    private static final EventHandler IGNORE = (target, arg) -> { };

    @Test
    void manyKindsEachDispatchToTheirOwnHandlerAndKeepTheirNames() {
        Simulator sim = new Simulator();
        List<String> seen = new ArrayList<>();
        int kinds = 20;
        for (int k = 0; k < kinds; k++) {
            String name = "kind-" + k;
            assertEquals(k, sim.registerKind(name, (target, arg) -> seen.add(name + ":" + target + ":" + arg)));
        }
        for (int k = kinds - 1; k >= 0; k--) {
            sim.scheduleAt(100 - k, k, k * 10, k * 100L);
        }
        sim.runUntil(1_000);
        List<String> expected = new ArrayList<>();
        for (int k = kinds - 1; k >= 0; k--) {
            expected.add("kind-" + k + ":" + k * 10 + ":" + k * 100);
        }
        assertEquals(expected, seen);
        assertEquals("kind-13", sim.kindName(13));
    }

    @Test
    void unregisteredKindsAndMissingArgumentsAreRefused() {
        Simulator sim = new Simulator();
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(1, 0, 0, 0));
        int k = sim.registerKind("only", IGNORE);
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(1, k + 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(1, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleIn(1, k + 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleNow(k + 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleNow(-1, 0, 0));
        assertThrows(NullPointerException.class, () -> sim.registerKind(null, IGNORE));
        assertThrows(NullPointerException.class, () -> sim.registerKind("x", null));
        assertThrows(NullPointerException.class, () -> sim.addEventEndHook(null));
        assertThrows(NullPointerException.class, () -> new Simulator(null));
        assertEquals(0, sim.pending());
        sim.scheduleAt(0, k, 0, 0);
        sim.scheduleIn(0, k, 0, 0);
        sim.scheduleNow(k, 0, 0);
        assertEquals(3, sim.pending());
    }

    @Test
    void aLongSameInstantQueueKeepsSchedulingOrderWithListEvents() {
        for (boolean binary : new boolean[] {false, true}) {
            Simulator sim = new Simulator(binary ? new BinaryHeapEventList() : new FourAryHeapEventList());
            List<Long> order = new ArrayList<>();
            int[] kind = new int[1];
            kind[0] = sim.registerKind("log", (target, arg) -> order.add(arg));
            int burst = sim.registerKind("burst", (target, arg) -> {
                // at t = 50: 200 same-instant events, every tenth scheduled through the list instead
                for (long i = 0; i < 200; i++) {
                    if (i % 10 == 0) {
                        sim.scheduleAt(sim.now(), kind[0], 0, i);
                    } else {
                        sim.scheduleNow(kind[0], 0, i);
                    }
                }
                sim.scheduleAt(sim.now() + 1, kind[0], 0, 1_000);
            });
            sim.scheduleAt(50, burst, 0, 0);
            assertEquals(1 + 200 + 1, sim.runUntil(100));
            List<Long> expected = new ArrayList<>();
            for (long i = 0; i < 200; i++) {
                expected.add(i);
            }
            expected.add(1_000L);
            assertEquals(expected, order, binary ? "binary heap" : "4-ary heap");
            assertEquals(0, sim.pending());
            assertEquals(202, sim.eventsProcessed());
        }
    }

    @Test
    void runWhileChecksItsConditionBeforeEveryEventAndHooksRunBeforeEachCheck() {
        Simulator sim = new Simulator();
        int k = sim.registerKind("x", IGNORE);
        for (int t = 1; t <= 5; t++) {
            sim.scheduleAt(t, k, 0, 0);
        }
        int[] hooks = {0};
        sim.addEventEndHook(() -> hooks[0]++);
        assertEquals(0, sim.runWhile(() -> false, 10));
        assertEquals(1, hooks[0]);
        assertEquals(0, sim.now(), "a false condition leaves the clock where it was");
        assertEquals(2, sim.runWhile(() -> sim.eventsProcessed() < 2, 10));
        assertEquals(2, sim.now());
        assertTrue(sim.runUntil(Simulator.NEVER) == 3);
        assertEquals(5, sim.now());
        assertFalse(sim.isPending(0));
    }
}
