package org.speedsim.engine.swarm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DirSetsTest {

    /** Random adds and removes against a list model: same members, same other ends, contains agrees. */
    @Test
    void matchesAListModelOverRandomOperations() {
        for (int seed = 0; seed < 50; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            int peers = 5;
            DirSets sets = new DirSets(peers);
            List<List<Integer>> model = new ArrayList<>();
            for (int p = 0; p < peers; p++) {
                model.add(new ArrayList<>());
            }
            Map<Integer, Integer> owner = new HashMap<>();
            Map<Integer, Integer> otherEnd = new HashMap<>();
            for (int op = 0; op < 400; op++) {
                int d = rng.nextInt(300);
                if (owner.containsKey(d)) {
                    int p = owner.remove(d);
                    sets.remove(p, d);
                    model.get(p).remove(Integer.valueOf(d));
                } else {
                    int p = rng.nextInt(peers);
                    int other = rng.nextInt(1000);
                    sets.add(p, d, other);
                    model.get(p).add(d);
                    owner.put(d, p);
                    otherEnd.put(d, other);
                }
                for (int p = 0; p < peers; p++) {
                    assertEquals(model.get(p).size(), sets.size(p));
                    List<Integer> got = new ArrayList<>();
                    for (int i = 0; i < sets.size(p); i++) {
                        got.add(sets.get(p, i));
                        assertEquals(otherEnd.get(sets.get(p, i)), sets.other(p, i));
                    }
                    got.sort(null);
                    List<Integer> want = new ArrayList<>(model.get(p));
                    want.sort(null);
                    assertEquals(want, got, "seed " + seed + " op " + op + " peer " + p);
                }
                int probe = rng.nextInt(300);
                int p = rng.nextInt(peers);
                assertEquals(owner.containsKey(probe) && owner.get(probe) == p, sets.contains(p, probe));
            }
        }
    }

    @Test
    void removingAnAbsentDirectionFails() {
        DirSets sets = new DirSets(2);
        sets.add(0, 7, 1);
        assertThrows(IllegalStateException.class, () -> sets.remove(1, 7));
        assertTrue(sets.contains(0, 7));
        sets.remove(0, 7);
        assertFalse(sets.contains(0, 7));
        assertThrows(IllegalStateException.class, () -> sets.remove(0, 7));
    }
}
