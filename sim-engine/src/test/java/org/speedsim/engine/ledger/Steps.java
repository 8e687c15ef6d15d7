package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.speedsim.engine.kernel.Simulator;

/** Test helper: runs a simulator one event at a time and checks the ledger's invariants after each event. */
final class Steps {

    private Steps() {
    }

    /** Runs every event up to {@code until} (finite), checking invariants after each; returns events run. */
    static long runChecked(Simulator sim, Ledger ledger, long until) {
        long total = 0;
        while (true) {
            boolean[] once = {true};
            long n = sim.runWhile(() -> {
                boolean go = once[0];
                once[0] = false;
                return go;
            }, until);
            if (n == 0) {
                return total;
            }
            total += n;
            assertHolds(ledger);
        }
    }

    static void assertHolds(Ledger ledger) {
        List<String> problems = ledger.checkInvariants();
        assertEquals(List.of(), problems, "ledger invariants at t=" + ledger.now());
    }
}
