package org.speedsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Retiring an event kind (the owner of a world's swarm is gone): its pending events still run, as no-ops that are
 * counted by kind name; kind numbers are never reused; only registered kinds can be retired.
 */
class RetiredKindsTest {

    @Test
    void aRetiredKindsEventsRunAsCountedNoOps() {
        Simulator sim = new Simulator();
        List<String> ran = new ArrayList<>();
        assertEquals(0, sim.kindCount());
        int kept = sim.registerKind("kept", (target, arg) -> ran.add("kept " + target));
        int gone = sim.registerKind("gone", (target, arg) -> ran.add("gone " + target));
        assertEquals(2, sim.kindCount());
        sim.scheduleAt(10, gone, 1, 0);
        sim.scheduleAt(20, kept, 2, 0);
        sim.scheduleAt(30, gone, 3, 0);
        sim.scheduleAt(5, kept, 0, 0);
        sim.runUntil(5);
        sim.retireKind(gone);
        int next = sim.registerKind("next", (target, arg) -> ran.add("next " + target));
        assertEquals(2, next, "a retired kind's number is not reused");
        assertEquals(3, sim.kindCount());
        sim.scheduleAt(40, next, 4, 0);
        sim.runUntil(100);
        assertEquals(List.of("kept 0", "kept 2", "next 4"), ran);
        assertEquals(2, sim.retiredEventsRun("gone"));
        assertEquals(0, sim.retiredEventsRun("kept"));
        assertEquals(5, sim.eventsProcessed(), "retired events still count as processed");
    }

    @Test
    void onlyRegisteredKindsCanBeRetired() {
        Simulator sim = new Simulator();
        int only = sim.registerKind("only", (target, arg) -> { });
        assertThrows(IllegalArgumentException.class, () -> sim.retireKind(-1));
        assertThrows(IllegalArgumentException.class, () -> sim.retireKind(only + 1));
        sim.retireKind(only);
    }
}
