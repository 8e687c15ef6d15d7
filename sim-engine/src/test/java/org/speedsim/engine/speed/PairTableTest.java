package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The pair table against a HashMap under random inserts, removals and peer departures. */
class PairTableTest {

    @Test
    void agreesWithAHashMapUnderRandomOperations() {
        SplittableRandom rnd = new SplittableRandom(3);
        PairTable t = new PairTable();
        Map<Long, Integer> ref = new HashMap<>();
        for (int op = 0; op < 200_000; op++) {
            int p = rnd.nextInt(60);
            int r = rnd.nextInt(60);
            long k = ((long) p << 32) | r;
            int what = rnd.nextInt(10);
            if (what < 5) {
                int s = t.add(p, r);
                Integer old = ref.putIfAbsent(k, s);
                assertEquals(old == null ? s : old, s);
                assertEquals(p, t.provider[s]);
                assertEquals(r, t.requester[s]);
            } else if (what < 9) {
                Integer s = ref.remove(k);
                assertEquals(s == null ? -1 : s, t.remove(p, r));
            } else {
                t.removePeer(p);
                ref.keySet().removeIf(x -> (int) (x >>> 32) == p || (int) (long) x == p);
            }
            if (op % 1000 == 0) {
                assertEquals(ref.size(), t.size());
                Set<Integer> slots = new HashSet<>();
                for (Map.Entry<Long, Integer> e : ref.entrySet()) {
                    int s = t.find((int) (e.getKey() >>> 32), (int) (long) e.getKey());
                    assertEquals(e.getValue(), s);
                    assertTrue(slots.add(s), "distinct slots");
                }
            }
        }
    }

    @Test
    void aReusedSlotHasANewEpoch() {
        PairTable t = new PairTable();
        int s = t.add(1, 2);
        t.charged[s] = 5;
        long e = t.epoch[s];
        t.remove(1, 2);
        int s2 = t.add(3, 4);
        assertEquals(s, s2);
        assertNotEquals(e, t.epoch[s2]);
        assertEquals(0, t.debt(s2));
    }
}
