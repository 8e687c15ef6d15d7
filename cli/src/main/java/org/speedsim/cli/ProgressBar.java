package org.speedsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import org.speedsim.engine.swarm.ProgressListener;

/**
 * A one-line terminal progress display for the runs of a command (the replications of {@code run}, or every run of
 * a {@code compare} or {@code sweep}): overall fraction of simulated time done, the simulated clock of the slowest
 * running run, peers online (summed over running runs), events per wall-clock second, runs done and left, and an
 * estimate of the wall time left (from the progress made since the display started; runs completed by an earlier,
 * interrupted command count as done but not as progress). Redrawn in place ({@code \r}) at most every
 * {@link #REDRAW_NANOS}; the engine threads only store numbers and, when a redraw is due, try to draw.
 *
 * <p>Without a terminal ({@link #plainLines}) the same figures, and the events simulated so far, are printed as plain
 * lines, one every {@link #PLAIN_NANOS}, for logs of batch jobs and {@code nohup}. A run that stops as soon as every
 * leecher is done counts its progress by leechers done ({@link ProgressListener#leechersDone}), not only by the
 * scenario's duration, which such a run seldom reaches.
 *
 * <p>Invariant: the wall clock is used only for display pacing and the events-per-second figure, never for
 * anything written to result files.
 */
public final class ProgressBar {

    /** Minimum wall time between two redraws. */
    public static final long REDRAW_NANOS = 250_000_000L;
    /** Wall time between two plain progress lines. */
    public static final long PLAIN_NANOS = 10_000_000_000L;
    private static final int BAR_WIDTH = 24;

    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private final int tasks;
    private final String unit;
    private final long startNanos;
    private int alreadyDone;
    private final AtomicLongArray now;
    private final AtomicLongArray duration;
    private final AtomicLongArray peers;
    private final AtomicLongArray events;
    private final AtomicLongArray state;
    private final AtomicLongArray leechersDone;
    private final AtomicLongArray leechersExpected;
    private final boolean plain;
    private final ReentrantLock drawing = new ReentrantLock();
    private volatile long nextDrawNanos;
    private long lastEvents;
    private long lastNanos;
    private double eventsPerSecond;
    private int lastWidth;

    private static final long WAITING = 0;
    private static final long RUNNING = 1;
    private static final long FINISHED = 2;

    /** A display of {@code replications} runs drawn on {@code out}, paced by {@code nanoClock}. */
    public ProgressBar(PrintWriter out, int replications, LongSupplier nanoClock) {
        this(out, replications, "replications", nanoClock);
    }

    /** A display of {@code tasks} runs, counted as {@code unit} ("runs", "replications"). */
    public ProgressBar(PrintWriter out, int tasks, String unit, LongSupplier nanoClock) {
        this(out, tasks, unit, nanoClock, false);
    }

    /**
     * Plain progress lines on {@code out} (standard error when no terminal shows the bar), one every
     * {@link #PLAIN_NANOS} of {@code nanoClock}, none at the start and nothing to clear at the end.
     */
    public static ProgressBar plainLines(PrintWriter out, int tasks, String unit, LongSupplier nanoClock) {
        return new ProgressBar(out, tasks, unit, nanoClock, true);
    }

    private ProgressBar(PrintWriter out, int tasks, String unit, LongSupplier nanoClock, boolean plain) {
        this.plain = plain;
        this.leechersDone = new AtomicLongArray(tasks);
        this.leechersExpected = new AtomicLongArray(tasks);
        this.unit = unit;
        this.out = out;
        this.nanoClock = nanoClock;
        this.tasks = tasks;
        this.now = new AtomicLongArray(tasks);
        this.duration = new AtomicLongArray(tasks);
        this.peers = new AtomicLongArray(tasks);
        this.events = new AtomicLongArray(tasks);
        this.state = new AtomicLongArray(tasks);
        this.lastNanos = nanoClock.getAsLong();
        this.nextDrawNanos = plain ? lastNanos + PLAIN_NANOS : lastNanos;
        this.startNanos = lastNanos;
    }

    /** Run {@code r} was complete before this command started (an interrupted experiment being resumed). */
    public void alreadyDone(int r) {
        if (state.getAndSet(r, FINISHED) != FINISHED) {
            synchronized (this) {
                alreadyDone++;
            }
        }
    }

    /** The listener to give the engine for replication {@code r}. */
    public ProgressListener listener(int r) {
        return new ProgressListener() {
            @Override
            public void progress(long nowMicros, long durationMicros, int peersOnline, long eventCount) {
                now.set(r, nowMicros);
                duration.set(r, durationMicros);
                peers.set(r, peersOnline);
                events.set(r, eventCount);
                state.set(r, RUNNING);
                if (nanoClock.getAsLong() >= nextDrawNanos) {
                    drawIfFree();
                }
            }

            @Override
            public void leechersDone(int done, int expected) {
                leechersDone.set(r, done);
                leechersExpected.set(r, expected);
            }
        };
    }

    /**
     * Run {@code r} has started where no listener reports its simulated time (on a cluster): it counts as running,
     * with no progress until it finishes.
     */
    public void started(int r) {
        state.compareAndSet(r, WAITING, RUNNING);
        drawIfFree();
    }

    /** Replication {@code r} has ended (successfully or not). */
    public void finished(int r) {
        state.set(r, FINISHED);
        if (!plain) {
            drawIfFree();
        }
    }

    /** Removes the line from the terminal. */
    public void clear() {
        if (plain) {
            return;
        }
        drawing.lock();
        try {
            if (lastWidth > 0) {
                out.print('\r' + " ".repeat(lastWidth) + '\r');
                out.flush();
                lastWidth = 0;
            }
        } finally {
            drawing.unlock();
        }
    }

    private void drawIfFree() {
        if (!drawing.tryLock()) {
            return;
        }
        try {
            long t = nanoClock.getAsLong();
            if (plain) {
                if (t < nextDrawNanos) {
                    return;
                }
                nextDrawNanos = t + PLAIN_NANOS;
                out.println(line(t));
                out.flush();
                return;
            }
            nextDrawNanos = t + REDRAW_NANOS;
            String text = line(t);
            int pad = Math.max(0, lastWidth - text.length());
            out.print('\r' + text + " ".repeat(pad));
            out.flush();
            lastWidth = text.length();
        } finally {
            drawing.unlock();
        }
    }

    /** The text of the line at wall time {@code t}; updates the events-per-second estimate. */
    String line(long t) {
        double fraction = 0;
        long totalEvents = 0;
        long online = 0;
        long slowestNow = Long.MAX_VALUE;
        long slowestDuration = 0;
        long slowestDone = 0;
        long slowestExpected = 0;
        int finished = 0;
        int running = 0;
        for (int r = 0; r < tasks; r++) {
            long s = state.get(r);
            totalEvents += events.get(r);
            if (s == FINISHED) {
                finished++;
                fraction += 1;
            } else if (s == RUNNING) {
                running++;
                long d = duration.get(r);
                long n = now.get(r);
                long expected = leechersExpected.get(r);
                double byTime = d > 0 ? Math.min(1.0, (double) n / d) : 0;
                // such a run ends when its last leecher is done or at its duration, whichever comes first
                fraction += expected > 0 ? Math.max(byTime, Math.min(1.0, (double) leechersDone.get(r) / expected))
                        : byTime;
                online += peers.get(r);
                if (n < slowestNow) {
                    slowestNow = n;
                    slowestDuration = d;
                    slowestDone = leechersDone.get(r);
                    slowestExpected = expected;
                }
            }
        }
        fraction /= Math.max(1, tasks);
        if (t - lastNanos >= REDRAW_NANOS / 2) {
            eventsPerSecond = (totalEvents - lastEvents) * 1e9 / (t - lastNanos);
            lastEvents = totalEvents;
            lastNanos = t;
        }
        int filled = (int) Math.round(fraction * BAR_WIDTH);
        StringBuilder b = new StringBuilder(100);
        if (plain) {
            b.append(String.format(Locale.ROOT, "speedsim: progress %d%%", (int) Math.floor(fraction * 100)));
        } else {
            b.append(String.format(Locale.ROOT, "%3d%% [", (int) Math.floor(fraction * 100)));
            b.append("#".repeat(filled)).append(".".repeat(BAR_WIDTH - filled)).append(']');
        }
        if (running > 0 && slowestDuration == 0) {
            b.append(' ').append(running).append(" running");
        } else if (running > 0) {
            b.append(" sim ").append(clock(slowestNow));
            if (slowestExpected > 0) {
                b.append(", leechers ").append(slowestDone).append('/').append(slowestExpected).append(" done");
            } else {
                b.append(" of ").append(clock(slowestDuration));
            }
            b.append("  peers ").append(online);
        }
        if (plain) {
            b.append("  events ").append(totalEvents);
        }
        b.append("  ").append(rate(eventsPerSecond)).append(" ev/s");
        if (tasks > 1) {
            b.append("  ").append(unit).append(' ').append(finished).append('/').append(tasks).append(" done, ")
                    .append(tasks - finished).append(" left");
        }
        double gained = fraction - (double) alreadyDone() / Math.max(1, tasks);
        if (finished < tasks && gained > 0.005) {
            double left = (t - startNanos) / 1e9 * (1 - fraction) / gained;
            b.append("  ETA ").append(clock((long) (left * 1e6)));
        }
        return b.toString();
    }

    private synchronized int alreadyDone() {
        return alreadyDone;
    }

    /** Simulated time as {@code 3h05m12s}, {@code 5m12s} or {@code 12s}. */
    static String clock(long micros) {
        long s = Math.max(0, micros) / 1_000_000;
        long h = s / 3600;
        long m = s / 60 % 60;
        long sec = s % 60;
        if (h > 0) {
            return String.format(Locale.ROOT, "%dh%02dm%02ds", h, m, sec);
        }
        return m > 0 ? String.format(Locale.ROOT, "%dm%02ds", m, sec) : sec + "s";
    }

    /** A rate with a k/M/G suffix: {@code 950}, {@code 12.3k}, {@code 4.56M}. */
    static String rate(double perSecond) {
        if (perSecond < 1e3) {
            return String.format(Locale.ROOT, "%.0f", perSecond);
        }
        if (perSecond < 1e6) {
            return String.format(Locale.ROOT, "%.1fk", perSecond / 1e3);
        }
        if (perSecond < 1e9) {
            return String.format(Locale.ROOT, "%.2fM", perSecond / 1e6);
        }
        return String.format(Locale.ROOT, "%.2fG", perSecond / 1e9);
    }
}
