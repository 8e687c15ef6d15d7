package org.speedsim.engine.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The discrete-event kernel of one simulation run: a clock in {@code long} microseconds, an {@link EventList}, and
 * a table of event kinds, each with its handler. There is no global simulator: every run owns one instance.
 *
 * <p>Invariant: the clock never moves backwards; an event is never scheduled in the past; events run in
 * (time, scheduling order).
 */
public final class Simulator {

    /** A time that never comes; used for "no deadline". */
    public static final long NEVER = Long.MAX_VALUE;

    private final EventList events;
    private final List<String> kindNames = new ArrayList<>();
    private EventHandler[] handlers = new EventHandler[8];
    private long now;
    private long processed;
    private boolean stopRequested;
    /** Same-instant FIFO (a ring of power-of-two size) of events scheduled with {@link #scheduleNow}. */
    private int[] nowKind = new int[64];
    private int[] nowTarget = new int[64];
    private long[] nowArg = new long[64];
    private long[] nowSeq = new long[64];
    private int nowHead;
    private int nowCount;
    private Runnable[] eventEndHooks = new Runnable[0];

    /** A simulator on the default event list, a {@link FourAryHeapEventList}. */
    public Simulator() {
        this(new FourAryHeapEventList());
    }

    public Simulator(EventList events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Registers an event kind and returns its number, used when scheduling. */
    public int registerKind(String name, EventHandler handler) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
        int k = kindNames.size();
        kindNames.add(name);
        if (k == handlers.length) {
            handlers = Arrays.copyOf(handlers, k * 2);
        }
        handlers[k] = handler;
        return k;
    }

    /**
     * Retires an event kind whose owner is gone (a hosted swarm that ended): events of that kind still pending run as
     * no-ops, and the owner is no longer reachable from this simulator. Its number is never reused.
     */
    public void retireKind(int kind) {
        if (kind < 0 || kind >= kindNames.size()) {
            throw new IllegalArgumentException("no event kind " + kind);
        }
        handlers[kind] = (target, arg) -> retiredRuns.merge(kindNames.get(kind), 1L, Long::sum);
    }

    /** Events that ran after their kind was retired, by kind name (a check that an owner ended cleanly). */
    public long retiredEventsRun(String name) {
        return retiredRuns.getOrDefault(name, 0L);
    }

    private final java.util.Map<String, Long> retiredRuns = new java.util.HashMap<>();

    /**
     * Registers work that a component defers while an event runs and finishes once the event is over (the
     * network's rate recomputation, batched over every flow change the event made): the hook runs after every
     * event, before the run loop looks at its next one, and before the first event of each run, so the clock never
     * moves on with deferred work left. A hook may schedule, cancel and reschedule events (at the current instant
     * too) but must not expect to be called only when it has work; hooks run in the order they were added.
     */
    public void addEventEndHook(Runnable hook) {
        Objects.requireNonNull(hook, "hook");
        eventEndHooks = Arrays.copyOf(eventEndHooks, eventEndHooks.length + 1);
        eventEndHooks[eventEndHooks.length - 1] = hook;
    }

    /** Event kinds registered so far (retired ones included); the next kind registered gets this number. */
    public int kindCount() {
        return kindNames.size();
    }

    public String kindName(int kind) {
        return kindNames.get(kind);
    }

    /** Current simulated time in microseconds. */
    public long now() {
        return now;
    }

    public long eventsProcessed() {
        return processed;
    }

    public int pending() {
        return events.size() + nowCount;
    }

    /** Schedules an event at an absolute time (not before now) and returns its handle. */
    public long scheduleAt(long time, int kind, int target, long arg) {
        if (time < now) {
            throw new IllegalArgumentException("event in the past: " + time + " < " + now);
        }
        checkKind(kind);
        return events.schedule(time, kind, target, arg);
    }

    /** Schedules an event {@code delay} microseconds from now. */
    public long scheduleIn(long delay, int kind, int target, long arg) {
        if (delay < 0) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        checkKind(kind);
        long t = now + delay;
        if (t < now) {
            t = NEVER;
        }
        return events.schedule(t, kind, target, arg);
    }

    private void checkKind(int kind) {
        if (kind < 0 || kind >= kindNames.size()) {
            throw new IllegalArgumentException("unregistered event kind: " + kind);
        }
    }

    /**
     * Schedules an event at the current instant, in the same (time, sequence) order as {@link #scheduleAt} with
     * {@code now} would, but through a FIFO beside the event list: a zero-delay event then costs O(1) instead of a
     * heap insertion. Such events cannot be cancelled.
     */
    public void scheduleNow(int kind, int target, long arg) {
        checkKind(kind);
        if (nowCount == nowKind.length) {
            growNowQueue();
        }
        int tail = (nowHead + nowCount) & (nowKind.length - 1);
        nowKind[tail] = kind;
        nowTarget[tail] = target;
        nowArg[tail] = arg;
        nowSeq[tail] = events.takeSequence();
        nowCount++;
    }

    /** Whether the head of the same-instant queue precedes the event list's next event. */
    private boolean nowQueueFirst() {
        long t = events.peekTime();
        return t > now || (t == now && events.peekSequence() > nowSeq[nowHead]);
    }

    private void growNowQueue() {
        int n = nowKind.length;
        int[] k = new int[2 * n];
        int[] tg = new int[2 * n];
        long[] a = new long[2 * n];
        long[] sq = new long[2 * n];
        for (int i = 0; i < nowCount; i++) {
            int j = (nowHead + i) & (n - 1);
            k[i] = nowKind[j];
            tg[i] = nowTarget[j];
            a[i] = nowArg[j];
            sq[i] = nowSeq[j];
        }
        nowKind = k;
        nowTarget = tg;
        nowArg = a;
        nowSeq = sq;
        nowHead = 0;
    }

    public boolean cancel(long handle) {
        return events.cancel(handle);
    }

    public boolean reschedule(long handle, long time) {
        if (time < now) {
            throw new IllegalArgumentException("event in the past: " + time + " < " + now);
        }
        return events.reschedule(handle, time);
    }

    public boolean isPending(long handle) {
        return events.isPending(handle);
    }

    /** Asks the running loop to return after the current event. */
    public void stop() {
        stopRequested = true;
    }

    /**
     * Runs events with time at most {@code until}; afterwards the clock stands at {@code until} unless the run was
     * stopped earlier or {@code until} is {@link #NEVER}. Returns the number of events processed by this call.
     *
     * @throws IllegalArgumentException if {@code until} is before now (the clock cannot go back)
     */
    public long runUntil(long until) {
        return runWhile(() -> true, until);
    }

    /**
     * Runs events while {@code condition} holds (checked before each event) and their time is at most
     * {@code until}. When the events run out or pass {@code until}, the clock is advanced to {@code until} (unless
     * that is {@link #NEVER}); when the condition turns false or {@link #stop()} is called, the clock stays at the
     * time of the last event run. A {@code stop()} made before this call is forgotten.
     *
     * @throws IllegalArgumentException if {@code until} is before now (the clock cannot go back)
     */
    public long runWhile(BooleanSupplier condition, long until) {
        if (until < now) {
            throw new IllegalArgumentException("until is in the past: " + until + " < " + now);
        }
        stopRequested = false;
        long start = processed;
        while (true) {
            for (Runnable hook : eventEndHooks) {
                hook.run();
            }
            if (stopRequested || !condition.getAsBoolean()) {
                break;
            }
            if (nowCount > 0 && nowQueueFirst()) {
                int h = nowHead;
                nowHead = (h + 1) & (nowKind.length - 1);
                nowCount--;
                processed++;
                handlers[nowKind[h]].handle(nowTarget[h], nowArg[h]);
                continue;
            }
            if (events.isEmpty() || events.peekTime() > until) {
                if (until != NEVER) {
                    now = until;
                }
                break;
            }
            events.pop();
            now = events.time();
            processed++;
            handlers[events.kind()].handle(events.target(), events.arg());
        }
        return processed - start;
    }
}
