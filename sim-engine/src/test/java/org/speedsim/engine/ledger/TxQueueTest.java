package org.speedsim.engine.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayDeque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The transaction ring against a brute-force deque, through growth and wrap-around. */
class TxQueueTest {

    private record Entry(long id, long inclusion, TxKind kind, int from, int to, int channel, long amount,
                         ChannelState state) {
    }

    @Test
    void matchesABruteForceQueue() {
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            TxQueue q = new TxQueue();
            ArrayDeque<Entry> ref = new ArrayDeque<>();
            long t = 0;
            for (int step = 0; step < 3_000; step++) {
                if (rng.nextInt(100) < 55 || ref.isEmpty()) {
                    t += rng.nextInt(3);
                    TxKind k = TxKind.values()[rng.nextInt(3)];
                    ChannelState st = k == TxKind.CLOSE ? new ChannelState(step, 1, 1, new byte[8]) : null;
                    long amount = k == TxKind.CLOSE ? 0 : 1 + rng.nextInt(1000);
                    long id = q.push(t, k, rng.nextInt(9), rng.nextInt(9), rng.nextInt(50), amount, st);
                    Entry e = new Entry(id, t, k, 0, 0, 0, amount, st);
                    ref.addLast(e);
                } else {
                    Entry e = ref.pollFirst();
                    assertEquals(e.id(), q.headId());
                    assertEquals(e.kind(), q.headKind());
                    assertEquals(e.amount(), q.headAmount());
                    assertSame(e.state(), q.headState());
                    q.pop();
                }
                assertEquals(ref.size(), q.size());
                long reserved = ref.stream().filter(e -> e.kind() != TxKind.CLOSE).mapToLong(Entry::amount).sum();
                assertEquals(reserved, q.reserved());
                assertEquals(reserved, q.recomputeReserved());
                long probe = t - rng.nextInt(5);
                long after = ref.stream().filter(e -> e.inclusion() > probe).count();
                assertEquals(after, q.countIncludedAfter(probe));
            }
        }
    }
}
