package org.speedsim.engine.swarm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PartialPiecesTest {

    /** Random operations against a map model, with entries dropped and swapped into gaps as pieces complete. */
    @Test
    void behavesLikeAMapFromPieceToBytesAndTransfersInFlight() {
        for (long seed = 0; seed < 50; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            PartialPieces pp = new PartialPieces();
            Map<Integer, long[]> model = new HashMap<>();
            int[] universe = new int[12];
            for (int i = 0; i < universe.length; i++) {
                universe[i] = i < 6 ? i : rng.nextInt(Integer.MAX_VALUE);
            }
            for (int step = 0; step < 2000; step++) {
                int p = universe[rng.nextInt(universe.length)];
                int e = pp.entry(p);
                long[] m = model.computeIfAbsent(p, k -> new long[2]);
                assertEquals(m[0], pp.bytes(e), "seed " + seed + " step " + step + " bytes of " + p);
                assertEquals(m[1], pp.inflight(e), "seed " + seed + " step " + step + " inflight of " + p);
                switch (rng.nextInt(4)) {
                    case 0 -> {
                        pp.addInflight(e, 1);
                        m[1]++;
                    }
                    case 1 -> {
                        if (m[1] > 0) {
                            pp.addInflight(e, -1);
                            m[1]--;
                        }
                    }
                    case 2 -> {
                        long b = rng.nextLong(1L << 40);
                        pp.setBytes(e, b);
                        m[0] = b;
                    }
                    default -> {
                        pp.setBytes(e, 0);
                        m[0] = 0;
                    }
                }
                if (pp.dropIfEmpty(e)) {
                    assertTrue(m[0] == 0 && m[1] == 0);
                    model.remove(p);
                }
                assertEquals(model.size(), pp.size());
                for (Map.Entry<Integer, long[]> x : model.entrySet()) {
                    int i = pp.find(x.getKey());
                    assertTrue(i >= 0, "lost piece " + x.getKey());
                    assertEquals(x.getValue()[0], pp.bytes(i));
                    assertEquals(x.getValue()[1], pp.inflight(i));
                }
            }
        }
    }
}
