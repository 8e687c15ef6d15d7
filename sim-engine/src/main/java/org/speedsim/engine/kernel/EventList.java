package org.speedsim.engine.kernel;

/**
 * The pending-event set of a simulation: events are primitive tuples (time, kind, target, arg) ordered by time and
 * then by a sequence number fixed when the event was scheduled, so equal-time events run in scheduling order and no
 * randomness is ever needed to break ties.
 *
 * <p>Invariant: {@link #pop()} always removes the pending event with the smallest (time, sequence) pair, and neither
 * scheduling nor popping allocates. Handles are opaque longs that stay valid until the event fires or is cancelled;
 * a stale handle (its event already gone) is recognised and ignored, never mistaken for a newer event.
 */
public interface EventList {

    /** A value that is never a handle: for "no event" in handle fields and arrays. Every method treats it as stale. */
    long NO_HANDLE = -1L;

    /** Schedules an event and returns its handle. */
    long schedule(long time, int kind, int target, long arg);

    /** Removes a pending event; returns false if the handle's event already fired or was cancelled. */
    boolean cancel(long handle);

    /**
     * Moves a pending event to a new time, as if it had been cancelled and scheduled again (it gets a new sequence
     * number). Returns false for a stale handle.
     */
    boolean reschedule(long handle, long time);

    /** Whether the handle still names a pending event. */
    boolean isPending(long handle);

    int size();

    default boolean isEmpty() {
        return size() == 0;
    }

    /** Time of the next event; {@link Long#MAX_VALUE} when empty. */
    long peekTime();

    /** Sequence number of the next event; {@link Long#MAX_VALUE} when empty. */
    long peekSequence();

    /**
     * Takes the next sequence number without scheduling anything, for events kept outside the list (the
     * simulator's same-instant queue) that must still order against the list's events.
     */
    long takeSequence();

    /**
     * Removes the next event and makes its fields readable through {@link #time()}, {@link #kind()},
     * {@link #target()} and {@link #arg()} until the next call. Returns false when empty.
     */
    boolean pop();

    long time();

    int kind();

    int target();

    long arg();
}
