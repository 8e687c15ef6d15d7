package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.ledger.ChannelState;

/**
 * Messages in flight against a map from id to message: every message reads back what was sent with it, however
 * many travel at once (hundreds, past the first arrays) and in whatever order they arrive; an id is never held by
 * two travelling messages.
 */
class MessagesInFlightModelTest {

    private record Sent(int from, int to, long value, long epoch, ChannelState state) {
    }

    @Test
    void everyMessageReadsBackWhatWasSentWithIt() {
        SplittableRandom rng = new SplittableRandom(20261203L);
        for (int trial = 0; trial < 30; trial++) {
            MessagesInFlight flight = new MessagesInFlight();
            Map<Integer, Sent> model = new HashMap<>();
            List<Integer> ids = new ArrayList<>();
            int peak = 1 + rng.nextInt(400);
            for (int step = 0; step < 3_000; step++) {
                boolean send = ids.isEmpty() || (ids.size() < peak && rng.nextInt(3) > 0) || rng.nextInt(10) == 0;
                if (send) {
                    ChannelState state = rng.nextBoolean() ? null
                            : new ChannelState(rng.nextInt(50), rng.nextLong(100), rng.nextLong(1_000),
                                    new byte[] {(byte) step});
                    Sent m = new Sent(rng.nextInt(1_000), rng.nextInt(1_000), rng.nextLong(1L << 50),
                            rng.nextLong(1L << 40), state);
                    int id = flight.put(m.from, m.to, m.value, m.epoch, m.state);
                    assertFalse(model.containsKey(id), "id " + id + " given to two travelling messages");
                    model.put(id, m);
                    ids.add(id);
                } else {
                    int id = ids.remove(rng.nextInt(ids.size()));
                    Sent m = model.remove(id);
                    assertEquals(m.from, flight.from(id));
                    assertEquals(m.to, flight.to(id));
                    assertEquals(m.value, flight.value(id));
                    assertEquals(m.epoch, flight.epoch(id));
                    assertSame(m.state, flight.state(id));
                    flight.release(id);
                }
                assertEquals(model.size(), flight.travelling());
            }
            for (int id : ids) {
                assertEquals(model.get(id).value, flight.value(id), "a message still travelling at the end");
            }
        }
    }
}
