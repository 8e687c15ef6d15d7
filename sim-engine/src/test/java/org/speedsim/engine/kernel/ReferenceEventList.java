package org.speedsim.engine.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The obviously correct model of an {@link EventList} the tests compare against: a {@link TreeMap} keyed by
 * (time, sequence). It is driven by the handles the list under test hands out, so both see the same operations.
 */
final class ReferenceEventList {

    /** One pending event of the model. */
    record Event(long time, long seq, int kind, int target, long arg) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    private final TreeMap<Event, Long> byKey = new TreeMap<>();
    private final Map<Long, Event> byHandle = new HashMap<>();
    private long nextSeq;
    private long lastPopped = EventList.NO_HANDLE;

    void schedule(long handle, long time, int kind, int target, long arg) {
        Event e = new Event(time, nextSeq++, kind, target, arg);
        if (byHandle.put(handle, e) != null) {
            throw new AssertionError("handle handed out twice while pending: " + handle);
        }
        byKey.put(e, handle);
    }

    boolean cancel(long handle) {
        Event e = byHandle.remove(handle);
        if (e == null) {
            return false;
        }
        byKey.remove(e);
        return true;
    }

    boolean reschedule(long handle, long time) {
        Event e = byHandle.get(handle);
        if (e == null) {
            return false;
        }
        byKey.remove(e);
        Event moved = new Event(time, nextSeq++, e.kind(), e.target(), e.arg());
        byHandle.put(handle, moved);
        byKey.put(moved, handle);
        return true;
    }

    boolean isPending(long handle) {
        return byHandle.containsKey(handle);
    }

    int size() {
        return byKey.size();
    }

    long peekTime() {
        return byKey.isEmpty() ? Long.MAX_VALUE : byKey.firstKey().time();
    }

    /** Removes and returns the earliest event, or null when empty. */
    Event pop() {
        Map.Entry<Event, Long> first = byKey.pollFirstEntry();
        if (first == null) {
            return null;
        }
        lastPopped = first.getValue();
        byHandle.remove(lastPopped);
        return first.getKey();
    }

    /** Handle of the event the last successful {@link #pop()} returned. */
    long lastPoppedHandle() {
        return lastPopped;
    }
}
