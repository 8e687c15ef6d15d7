package org.speedsim.engine.speed;

import java.util.Arrays;
import org.speedsim.engine.ledger.ChannelState;

/**
 * Speed messages on their way between two peers, in parallel arrays indexed by a message id that the arrival event
 * carries; ids are recycled through a free list, so sending and delivering allocate nothing once the arrays have grown
 * to the largest number of messages travelling at once.
 *
 * <p>Invariant: an id is either free or holds exactly one travelling message.
 */
final class MessagesInFlight {

    private int[] from = new int[64];
    private int[] to = new int[64];
    private long[] value = new long[64];
    private long[] epoch = new long[64];
    private ChannelState[] state = new ChannelState[64];
    private int[] free = new int[64];
    private int freeTop;
    private int used;
    private int travelling;

    /** Stores a message and returns its id. */
    int put(int sender, int receiver, long v, long e, ChannelState s) {
        int id;
        if (freeTop > 0) {
            id = free[--freeTop];
        } else {
            if (used == from.length) {
                int c = used * 2;
                from = Arrays.copyOf(from, c);
                to = Arrays.copyOf(to, c);
                value = Arrays.copyOf(value, c);
                epoch = Arrays.copyOf(epoch, c);
                state = Arrays.copyOf(state, c);
                free = Arrays.copyOf(free, c);
            }
            id = used++;
        }
        from[id] = sender;
        to[id] = receiver;
        value[id] = v;
        epoch[id] = e;
        state[id] = s;
        travelling++;
        return id;
    }

    int from(int id) {
        return from[id];
    }

    int to(int id) {
        return to[id];
    }

    long value(int id) {
        return value[id];
    }

    long epoch(int id) {
        return epoch[id];
    }

    ChannelState state(int id) {
        return state[id];
    }

    /** Frees the id of a message that has arrived. */
    void release(int id) {
        state[id] = null;
        free[freeTop++] = id;
        travelling--;
    }

    /** Messages sent and not yet arrived. */
    int travelling() {
        return travelling;
    }
}
