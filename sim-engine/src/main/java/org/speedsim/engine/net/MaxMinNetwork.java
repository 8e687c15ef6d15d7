package org.speedsim.engine.net;

import java.util.Arrays;

import org.speedsim.engine.kernel.Simulator;

/**
 * The reference bandwidth model: flow rates are the max-min fair allocation over the current flow set, each flow
 * crossing its uploader's uplink and its downloader's downlink; the allocation is recomputed, locally, after
 * {@link #open}, {@link #close} and {@link #setCapacity}, and each transfer's completion is an event of this
 * network's own kind in the {@link Simulator}.
 *
 * <h2>One recomputation per event</h2>
 * A call that changes flows or capacities only marks the links it touched; the recomputation runs once over all of
 * them when the current event is over (a {@link Simulator#addEventEndHook hook}), or at once when a rate is read.
 * A rechoke that chokes one peer and unchokes another, or a completed piece that closes one flow and opens others,
 * so costs one recomputation rather than one per change. Nothing moves in between: no simulated time passes,
 * {@link #delivered} does not depend on it (the recomputation settles each flow it changes at its old rate first),
 * and the rates it commits are the max-min fair allocation of the final flow set, whatever the order of the
 * changes.
 *
 * <h2>Links and flows</h2>
 * Node {@code n} owns two links: uplink {@code 2n} and downlink {@code 2n+1}. A flow id is a recycled small int; all
 * per-flow and per-link state lives in primitive arrays that grow geometrically, and each link keeps the ids of its
 * flows in an int array with swap-remove. Nothing is allocated per open, close, extend or completion once the
 * arrays have grown to the working size.
 *
 * <h2>Local recomputation</h2>
 * The max-min fair allocation is the unique feasible one in which every flow has a <em>bottleneck</em>: a saturated
 * link on which no flow has a higher rate. The allocation is recomputed inside a region {@code R} of links, starting
 * with the links the changes touched (those of each opened or closed flow and of each node whose capacity changed):
 * <ol>
 * <li><b>Solve.</b> Progressive filling restricted to {@code R}: every flow with a link in {@code R} starts at rate
 * 0 and all rise together; a link of {@code R} saturates when its frozen load plus its rising flows reach its
 * capacity, and freezes them. A flow with both links in {@code R} is free; a <em>crossing</em> flow (its other link
 * outside {@code R}) also stops when it reaches its current rate, its <em>bound</em>. Only links are events, in an
 * indexed heap keyed by the level at which they would saturate (a key only rises as flows freeze): each link keeps
 * its crossing flows sorted by bound and absorbs every bound below its saturation level, since such a flow stops at
 * its bound before the link fills (water-filling per link).
 * <li><b>Grow.</b> For each crossing flow with outside link {@code o}: if it ended below its current rate, {@code o}
 * gains slack, so {@code o} joins {@code R}; if it was stopped by its bound and {@code o} is not a bottleneck for it
 * (not saturated, or carrying a faster flow), it could rise, so {@code o} joins {@code R}.
 * <li>Repeat from 1 until {@code R} stops growing, then commit the new rates.
 * </ol>
 *
 * <p>To save passes, a link joining {@code R} (the first ones included) at once brings in the other link of each of
 * its flows for which that other link is not a bottleneck: that flow is held by the joining link, so its rate will
 * move and step 2 would add the link one pass later. Adding links never affects the result, only the work.
 *
 * <p><i>Why it is exact.</i> Before the changes every flow had a bottleneck, and every link whose flows or capacity
 * changed is in {@code R} from the start. After the last pass, no crossing flow has
 * changed its rate (it may not rise above its bound and would have grown {@code R} had it fallen), so every link
 * outside {@code R} carries exactly what it carried before, and every flow outside {@code R} keeps its bottleneck.
 * Inside {@code R}, progressive filling gives every flow frozen by a saturating link that link as bottleneck (every
 * flow on it is then at or below the current level); a crossing flow frozen by its bound has its outside link as
 * bottleneck, which step 2 checked. All links stay within capacity, so the committed allocation is the max-min fair
 * one. In an upload-constrained swarm a change touches the uploader's uplink, the downloader's downlink and the
 * downlinks of the uploader's other flows: one pass, a few dozen flows.
 *
 * <p>Comparisons use the relative tolerance {@link #EPS}: a crossing flow "fell" if its new rate is below
 * {@code old(1-EPS)}, a link is saturated when its load is at least {@code capacity(1-EPS)}, and a flow is "faster"
 * when its rate exceeds the other's by more than {@code EPS} relatively.
 *
 * <h2>Transfers and time</h2>
 * Each flow carries a transfer of {@code bytes}; its delivered bytes are held as a {@code double} progress settled
 * at a timestamp, so that they grow at the flow's rate. Whenever the rate changes, the progress is settled and the
 * completion event moved ({@link Simulator#reschedule}) to the ceiling, in whole microseconds, of the exact
 * completion time. At the completion event the transfer counts as fully delivered (delivered == bytes), the flow
 * becomes idle (it keeps its rate and its place in the allocation) and the {@link TransferListener} is told; the
 * listener should {@link #extend} or {@link #close} the flow. A flow of rate 0 has no pending completion.
 *
 * <p>Invariant: whenever a rate is read and whenever an event ends, the rates are the max-min fair allocation of
 * the open flows (to relative
 * {@link #EPS}), each link's recorded load and maximum are the sum and maximum of its flows' rates, and every busy
 * flow with a positive rate has exactly one pending completion event at the ceiling of its exact completion time.
 */
public final class MaxMinNetwork implements FlowNetwork {

    /** Relative tolerance of every rate comparison in the recomputation. */
    public static final double EPS = 1e-12;

    private static final long NO_EVENT = -1L;
    private static final double MICROS = 1_000_000.0;
    /** Guard against a completion time that is an integer up to rounding being pushed to the next microsecond. */
    private static final double CEIL_SLACK = 1e-14;

    // field offsets in the packed per-flow arrays fi and fd
    private static final int UP = 0;
    private static final int DOWN = 1;
    private static final int SEEN = 2;
    private static final int MARK = 3;
    private static final int RATE = 0;
    private static final int TRIAL = 1;
    private static final int BOUND = 2;
    private static final int PROGRESS = 3;
    // field offsets in the packed per-link arrays li and ld
    private static final int L_INR = 0;
    private static final int L_DEG = 1;
    private static final int L_UNFROZEN = 2;
    private static final int L_CROSS_START = 3;
    private static final int L_CROSS_END = 4;
    private static final int L_CROSS_NEXT = 5;
    private static final int L_MARK = 6;
    private static final int L_CHANGED = 7;
    private static final int L_CAP = 0;
    private static final int L_LOAD = 1;
    private static final int L_MAX = 2;
    private static final int L_REM = 3;
    private static final int L_SAT = 4;

    private final Simulator sim;
    private final int completionKind;
    private TransferListener listener;

    // links (2 per node)
    private int nodes;
    /**
     * Per link {@code l}, at {@code 8l}: region stamp, flow count, rising flows, start, end and next index of its
     * crossing flows in {@code crossBuf}, and a scratch mark. Packed so that visiting a link touches few cache lines.
     */
    private int[] li = new int[0];
    /** Per link {@code l}, at {@code 8l}: capacity, load, largest flow rate, remaining capacity, saturation level. */
    private double[] ld = new double[0];
    private int[][] adj = new int[0][];
    private int[] rList = new int[0];
    private int rCount;
    private int[] dirtyList = new int[0];
    private int dirtyCount;
    /** Links whose flows or capacity changed since the last recomputation (marked with {@link #changeRound}). */
    private int[] changedList = new int[0];
    private int changedCount;
    private int changeRound = 1;

    // flows
    private int flowCapacity;
    private int flowHigh;
    private int openCount;
    private boolean[] open = new boolean[0];
    private boolean[] idle = new boolean[0];
    private int[] posUp = new int[0];
    private int[] posDown = new int[0];
    private long[] bytes = new long[0];
    private long[] settled = new long[0];
    private long[] event = new long[0];
    private int[] freeIds = new int[0];
    private int freeTop;
    /**
     * Per flow {@code f}, at {@code 4f}: uplink id, downlink id, seen-stamp of the current pass, and a mark that is
     * the pass stamp when a free flow has frozen or a crossing flow stopped at its bound. Packed so that visiting a
     * flow touches one cache line of ints and one of doubles.
     */
    private int[] fi = new int[0];
    /** Per flow {@code f}, at {@code 4f}: rate, trial rate of the current pass, bound, delivered-bytes progress. */
    private double[] fd = new double[0];
    private int pass;
    // per-solve scratch
    private int[] flowList = new int[0];
    private int flowCount;
    private int[] crossBuf = new int[0];

    private final IndexedDoubleHeap linkHeap = new IndexedDoubleHeap(16);
    private int stamp;

    private int lastTouched;
    private int lastLinks;
    private int lastPasses;
    private long recomputations;
    private long touchedTotal;

    public MaxMinNetwork(Simulator sim) {
        this.sim = sim;
        this.completionKind = sim.registerKind("transfer-complete", (flow, arg) -> complete(flow));
        sim.addEventEndHook(this::settleRates);
        growFlows(64);
    }

    // ---------------------------------------------------------------- nodes

    @Override
    public void setCapacity(int node, double uploadBytesPerSecond, double downloadBytesPerSecond) {
        if (node < 0) {
            throw new IllegalArgumentException("negative node id: " + node);
        }
        checkCapacity(uploadBytesPerSecond);
        checkCapacity(downloadBytesPerSecond);
        if (node >= nodes) {
            growNodes(node + 1);
        }
        int up = node << 1;
        int down = up | 1;
        ld[(up << 3) + L_CAP] = uploadBytesPerSecond;
        ld[(down << 3) + L_CAP] = downloadBytesPerSecond;
        if (li[(up << 3) + L_DEG] > 0 || li[(down << 3) + L_DEG] > 0) {
            changed(up);
            changed(down);
        }
    }

    private static void checkCapacity(double c) {
        if (!(c >= 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("capacity must be finite and >= 0: " + c);
        }
    }

    @Override
    public double uploadCapacity(int node) {
        return ld[((node << 1) << 3) + L_CAP];
    }

    @Override
    public double downloadCapacity(int node) {
        return ld[(((node << 1) | 1) << 3) + L_CAP];
    }

    /** Number of nodes whose capacity has been set (ids {@code 0 .. nodeCount()-1}). */
    public int nodeCount() {
        return nodes;
    }

    // ---------------------------------------------------------------- flows

    @Override
    public int open(int uploader, int downloader, long transferBytes) {
        if (uploader < 0 || uploader >= nodes || downloader < 0 || downloader >= nodes) {
            throw new IllegalArgumentException("unknown node: " + uploader + " -> " + downloader);
        }
        if (uploader == downloader) {
            throw new IllegalArgumentException("a node cannot upload to itself: " + uploader);
        }
        if (transferBytes <= 0) {
            throw new IllegalArgumentException("transfer must be > 0 bytes: " + transferBytes);
        }
        int f = allocateId();
        open[f] = true;
        idle[f] = false;
        fi[(f << 2) + UP] = uploader << 1;
        fi[(f << 2) + DOWN] = (downloader << 1) | 1;
        bytes[f] = transferBytes;
        fd[(f << 2) + PROGRESS] = 0;
        settled[f] = sim.now();
        fd[(f << 2) + RATE] = 0;
        event[f] = NO_EVENT;
        openCount++;
        int up = uploader << 1;
        int down = (downloader << 1) | 1;
        posUp[f] = attach(up, f);
        posDown[f] = attach(down, f);
        changed(up);
        changed(down);
        return f;
    }

    @Override
    public void extend(int flow, long transferBytes) {
        checkOpen(flow);
        if (!idle[flow]) {
            throw new IllegalStateException("flow " + flow + " is still transferring");
        }
        if (transferBytes <= 0) {
            throw new IllegalArgumentException("transfer must be > 0 bytes: " + transferBytes);
        }
        idle[flow] = false;
        bytes[flow] = transferBytes;
        fd[(flow << 2) + PROGRESS] = 0;
        settled[flow] = sim.now();
        scheduleCompletion(flow);
    }

    @Override
    public long close(int flow) {
        long done = delivered(flow); // refuses a flow that is not open
        if (event[flow] != NO_EVENT) {
            sim.cancel(event[flow]);
            event[flow] = NO_EVENT;
        }
        int up = fi[(flow << 2) + UP];
        int down = fi[(flow << 2) + DOWN];
        detach(up, posUp[flow], true);
        detach(down, posDown[flow], false);
        open[flow] = false;
        fd[(flow << 2) + RATE] = 0;
        openCount--;
        freeIds[freeTop++] = flow;
        changed(up);
        changed(down);
        return done;
    }

    /**
     * Needs no pending recomputation: that would settle each flow it changes at the current instant at its old rate,
     * which is what this computes.
     */
    @Override
    public long delivered(int flow) {
        checkOpen(flow);
        if (idle[flow]) {
            return bytes[flow];
        }
        double p = fd[(flow << 2) + PROGRESS] + fd[(flow << 2) + RATE] * ((sim.now() - settled[flow]) / MICROS);
        long d = (long) Math.floor(p);
        return Math.max(0L, Math.min(bytes[flow], d));
    }

    /** Bytes of the flow's current transfer. */
    public long transferBytes(int flow) {
        checkOpen(flow);
        return bytes[flow];
    }

    /** Whether the flow's transfer has completed and it waits for {@link #extend} or {@link #close}. */
    public boolean isIdle(int flow) {
        checkOpen(flow);
        return idle[flow];
    }

    @Override
    public double rate(int flow) {
        checkOpen(flow);
        settleRates();
        return fd[(flow << 2) + RATE];
    }

    @Override
    public int uploader(int flow) {
        checkOpen(flow);
        return fi[(flow << 2) + UP] >> 1;
    }

    @Override
    public int downloader(int flow) {
        checkOpen(flow);
        return fi[(flow << 2) + DOWN] >> 1;
    }

    @Override
    public boolean isOpen(int flow) {
        return flow >= 0 && flow < flowHigh && open[flow];
    }

    @Override
    public int openFlows() {
        return openCount;
    }

    @Override
    public double totalRate() {
        settleRates();
        double s = 0;
        for (int n = 0; n < nodes; n++) {
            s += ld[((n << 1) << 3) + L_LOAD];
        }
        return s;
    }

    @Override
    public double uploadRate(int node) {
        settleRates();
        return ld[((node << 1) << 3) + L_LOAD];
    }

    @Override
    public double downloadRate(int node) {
        settleRates();
        return ld[(((node << 1) | 1) << 3) + L_LOAD];
    }

    /** Number of flows leaving {@code node}. */
    public int uploadFlows(int node) {
        return li[((node << 1) << 3) + L_DEG];
    }

    /** Number of flows entering {@code node}. */
    public int downloadFlows(int node) {
        return li[(((node << 1) | 1) << 3) + L_DEG];
    }

    @Override
    public void setListener(TransferListener l) {
        this.listener = l;
    }

    // ---------------------------------------------------------------- recomputation statistics

    /** Flows whose rate the last recomputation evaluated (every flow with a link in the final region). */
    public int lastRecomputeTouched() {
        settleRates();
        return lastTouched;
    }

    /** Links in the final region of the last recomputation. */
    public int lastRecomputeLinks() {
        settleRates();
        return lastLinks;
    }

    /** Solve passes of the last recomputation (1 when the region never grew). */
    public int lastRecomputePasses() {
        settleRates();
        return lastPasses;
    }

    /** Recomputations so far. */
    public long recomputations() {
        settleRates();
        return recomputations;
    }

    /** Sum of {@link #lastRecomputeTouched()} over all recomputations so far. */
    public long touchedTotal() {
        settleRates();
        return touchedTotal;
    }

    // ---------------------------------------------------------------- completion events

    private void complete(int flow) {
        fd[(flow << 2) + PROGRESS] = bytes[flow];
        settled[flow] = sim.now();
        event[flow] = NO_EVENT;
        idle[flow] = true;
        if (listener != null) {
            listener.transferComplete(flow);
        }
    }

    /** Brings the flow's progress up to now at its current rate. */
    private void settle(int f, long now) {
        if (!idle[f]) {
            fd[(f << 2) + PROGRESS] += fd[(f << 2) + RATE] * ((now - settled[f]) / MICROS);
        }
        settled[f] = now;
    }

    /** Puts the completion event of a busy flow at the ceiling of its exact completion time (progress is settled). */
    private void scheduleCompletion(int f) {
        if (idle[f]) {
            return;
        }
        long now = sim.now();
        double r = fd[(f << 2) + RATE];
        long t = Simulator.NEVER;
        if (r > 0) {
            double dt = Math.max(0.0, (bytes[f] - fd[(f << 2) + PROGRESS]) * MICROS / r);
            double c = Math.ceil(dt - dt * CEIL_SLACK);
            if (c < (double) (Simulator.NEVER - now)) {
                t = now + (long) c;
            }
        }
        long h = event[f];
        if (t == Simulator.NEVER) {
            if (h != NO_EVENT) {
                sim.cancel(h);
                event[f] = NO_EVENT;
            }
        } else if (h == NO_EVENT || !sim.reschedule(h, t)) {
            event[f] = sim.scheduleAt(t, completionKind, f, 0L);
        }
    }

    // ---------------------------------------------------------------- max-min recomputation

    private void changed(int link) {
        if (li[(link << 3) + L_CHANGED] != changeRound) {
            li[(link << 3) + L_CHANGED] = changeRound;
            changedList[changedCount++] = link;
        }
    }

    /**
     * Recomputes the allocation over the links changed since the last time, if any: called when the event that
     * made the changes is over (and before any rate is read), so the opens, closes and capacity changes of one
     * event cost one recomputation. Delaying it moves no byte: no time passes before it runs, and it settles every
     * flow it changes at the old rate first.
     */
    private void settleRates() {
        if (changedCount == 0) {
            return;
        }
        recompute();
        changedCount = 0;
        if (++changeRound == Integer.MAX_VALUE) {
            for (int l = 0; l < adj.length; l++) {
                li[(l << 3) + L_CHANGED] = 0;
            }
            changeRound = 1;
        }
    }

    private void recompute() {
        resetStampsIfWorn();
        int region = nextStamp();
        rCount = 0;
        for (int i = 0; i < changedCount; i++) {
            addToRegion(changedList[i], region);
        }
        int passes = 0;
        int expanded = 0;
        do {
            expanded = anticipate(expanded, region);
            passes++;
            solve(region);
        } while (grow(region));
        commit();
        lastTouched = flowCount;
        lastLinks = rCount;
        lastPasses = passes;
        recomputations++;
        touchedTotal += flowCount;
    }

    private void addToRegion(int link, int region) {
        if (li[(link << 3) + L_INR] != region) {
            li[(link << 3) + L_INR] = region;
            rList[rCount++] = link;
        }
    }

    /**
     * For every link that joined the region since {@code from}, also adds the other link of each of its flows for
     * which that other link is not a bottleneck: such a flow is held by the joining link, so its rate will move and
     * the next pass would add the other link anyway. Links added here are not expanded further. Returns the region
     * size, the start of the next expansion.
     */
    private int anticipate(int from, int region) {
        int end = rCount;
        for (int i = from; i < end; i++) {
            int l = rList[i];
            int[] a = adj[l];
            for (int k = 0, d = li[(l << 3) + L_DEG]; k < d; k++) {
                int f = a[k];
                int o = otherLink(f, l);
                if (li[(o << 3) + L_INR] != region && !isBottleneck(o, fd[(f << 2) + RATE])) {
                    addToRegion(o, region);
                }
            }
        }
        return rCount;
    }

    private int otherLink(int f, int link) {
        return (link & 1) == 0 ? fi[(f << 2) + DOWN] : fi[(f << 2) + UP];
    }

    /**
     * Progressive filling inside the region; crossing flows are bounded by their committed rate. Only links are
     * events: each region link holds its crossing flows sorted by bound and absorbs, as the level it would saturate
     * at rises, every bound below that level (such a flow stops at its bound before the link fills).
     */
    private void solve(int region) {
        int pass = nextStamp();
        this.pass = pass;
        flowCount = 0;
        int cursor = 0;
        for (int i = 0; i < rCount; i++) {
            int l = rList[i];
            int x = l << 3;
            ld[x + L_REM] = ld[x + L_CAP];
            ld[x + L_SAT] = Double.POSITIVE_INFINITY;
            int d = li[x + L_DEG];
            li[x + L_UNFROZEN] = d;
            li[x + L_CROSS_START] = cursor;
            li[x + L_CROSS_NEXT] = cursor;
            int[] a = adj[l];
            for (int k = 0; k < d; k++) {
                int f = a[k];
                int y = f << 2;
                boolean crossing = li[(otherLink(f, l) << 3) + L_INR] != region;
                if (fi[y + SEEN] != pass) {
                    fi[y + SEEN] = pass;
                    flowList[flowCount++] = f;
                    fd[y + BOUND] = crossing ? fd[y + RATE] : Double.POSITIVE_INFINITY;
                }
                if (crossing) {
                    crossBuf[cursor++] = f;
                }
            }
            li[x + L_CROSS_END] = cursor;
            sortByBound(li[x + L_CROSS_START], cursor - 1);
        }
        for (int i = 0; i < rCount; i++) {
            int l = rList[i];
            double t = saturationLevel(l);
            if (t != Double.POSITIVE_INFINITY) {
                linkHeap.add(l, t);
            }
        }
        double level = 0;
        while (!linkHeap.isEmpty()) {
            level = Math.max(level, linkHeap.peekKey());
            int l = linkHeap.poll();
            ld[(l << 3) + L_SAT] = level;
            int[] a = adj[l];
            for (int k = 0, d = li[(l << 3) + L_DEG]; k < d; k++) {
                int f = a[k];
                int y = f << 2;
                if (fd[y + BOUND] == Double.POSITIVE_INFINITY && fi[y + MARK] != pass) {
                    fi[y + MARK] = pass;
                    fd[y + TRIAL] = level;
                    int o = otherLink(f, l);
                    ld[(o << 3) + L_REM] -= level;
                    li[(o << 3) + L_UNFROZEN]--;
                    if (linkHeap.contains(o)) {
                        double t = saturationLevel(o);
                        if (t == Double.POSITIVE_INFINITY) {
                            linkHeap.remove(o);
                        } else {
                            linkHeap.update(o, t);
                        }
                    }
                }
            }
        }
        for (int i = 0; i < rCount; i++) {
            int x = rList[i] << 3;
            double sat = ld[x + L_SAT];
            for (int k = li[x + L_CROSS_START], e = li[x + L_CROSS_END]; k < e; k++) {
                int y = crossBuf[k] << 2;
                double b = fd[y + BOUND];
                if (b < sat) {
                    fi[y + MARK] = pass;
                }
                fd[y + TRIAL] = Math.min(b, sat);
            }
        }
    }

    /**
     * The level at which link {@code l} fills, given its frozen load: absorbs the bounds of crossing flows below
     * it; +infinity when no flow on it is still rising.
     */
    private double saturationLevel(int l) {
        int x = l << 3;
        int n = li[x + L_UNFROZEN];
        double r = ld[x + L_REM];
        int k = li[x + L_CROSS_NEXT];
        int e = li[x + L_CROSS_END];
        double t = n > 0 ? r / n : Double.POSITIVE_INFINITY;
        while (k < e) {
            double b = boundOf(crossBuf[k]);
            if (!(b < t)) {
                break;
            }
            r -= b;
            n--;
            k++;
            t = n > 0 ? r / n : Double.POSITIVE_INFINITY;
        }
        li[x + L_UNFROZEN] = n;
        ld[x + L_REM] = r;
        li[x + L_CROSS_NEXT] = k;
        return t;
    }

    /** Sorts {@code crossBuf[lo..hi]} by bound (insertion sort for short runs, else quicksort); allocates nothing. */
    private void sortByBound(int lo, int hi) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            double pivot = median(boundOf(crossBuf[lo]), boundOf(crossBuf[mid]), boundOf(crossBuf[hi]));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (boundOf(crossBuf[i]) < pivot) {
                    i++;
                }
                while (boundOf(crossBuf[j]) > pivot) {
                    j--;
                }
                if (i <= j) {
                    int x = crossBuf[i];
                    crossBuf[i] = crossBuf[j];
                    crossBuf[j] = x;
                    i++;
                    j--;
                }
            }
            if (j - lo < hi - i) {
                sortByBound(lo, j);
                lo = i;
            } else {
                sortByBound(i, hi);
                hi = j;
            }
        }
        for (int i = lo + 1; i <= hi; i++) {
            int x = crossBuf[i];
            double b = fd[(x << 2) + BOUND];
            int j = i - 1;
            while (j >= lo && boundOf(crossBuf[j]) > b) {
                crossBuf[j + 1] = crossBuf[j];
                j--;
            }
            crossBuf[j + 1] = x;
        }
    }

    private double boundOf(int f) {
        return fd[(f << 2) + BOUND];
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    /** Adds to the region every outside link where a crossing flow fell or could rise; true if any was added. */
    private boolean grow(int region) {
        int before = rCount;
        for (int i = 0; i < flowCount; i++) {
            int y = flowList[i] << 2;
            if (fd[y + BOUND] == Double.POSITIVE_INFINITY) {
                continue;
            }
            int up = fi[y + UP];
            int o = li[(up << 3) + L_INR] == region ? fi[y + DOWN] : up;
            if (li[(o << 3) + L_INR] == region) {
                continue;
            }
            double old = fd[y + RATE];
            if (fd[y + TRIAL] < old - EPS * old) {
                addToRegion(o, region);
            } else if (fi[y + MARK] == pass && !isBottleneck(o, old)) {
                addToRegion(o, region);
            }
        }
        return rCount > before;
    }

    /**
     * Whether outside link {@code o} is saturated and carries no flow faster than {@code r}. Uses committed rates:
     * a crossing flow on {@code o} whose trial rate fell below its committed one puts {@code o} in the region anyway.
     */
    private boolean isBottleneck(int o, double r) {
        int x = o << 3;
        double c = ld[x + L_CAP];
        double m = ld[x + L_MAX];
        return ld[x + L_LOAD] >= c - EPS * c && m <= r + EPS * Math.max(r, m);
    }

    /** Applies the solved rates: settles and reschedules every flow whose rate changed, refreshes link loads. */
    private void commit() {
        long now = sim.now();
        int dirty = nextStamp();
        dirtyCount = 0;
        for (int i = 0; i < rCount; i++) {
            markDirty(rList[i], dirty);
        }
        for (int i = 0; i < flowCount; i++) {
            int f = flowList[i];
            double nr = fd[(f << 2) + TRIAL];
            if (nr != fd[(f << 2) + RATE]) {
                settle(f, now);
                fd[(f << 2) + RATE] = nr;
                scheduleCompletion(f);
                markDirty(fi[(f << 2) + UP], dirty);
                markDirty(fi[(f << 2) + DOWN], dirty);
            }
        }
        for (int i = 0; i < dirtyCount; i++) {
            int l = dirtyList[i];
            double s = 0;
            double m = 0;
            int[] a = adj[l];
            for (int k = 0, d = li[(l << 3) + L_DEG]; k < d; k++) {
                double r = fd[(a[k] << 2) + RATE];
                s += r;
                m = Math.max(m, r);
            }
            ld[(l << 3) + L_LOAD] = s;
            ld[(l << 3) + L_MAX] = m;
        }
    }

    private void markDirty(int l, int dirty) {
        if (li[(l << 3) + L_MARK] != dirty) {
            li[(l << 3) + L_MARK] = dirty;
            dirtyList[dirtyCount++] = l;
        }
    }

    /** A fresh stamp for the scratch marks; they compare equal only to marks set since this stamp was taken. */
    private int nextStamp() {
        return ++stamp;
    }

    /** Clears every mark long before the stamp could wrap; called between recomputations only. */
    private void resetStampsIfWorn() {
        if (stamp > Integer.MAX_VALUE / 2) {
            for (int l = 0; l < adj.length; l++) {
                li[(l << 3) + L_INR] = 0;
                li[(l << 3) + L_MARK] = 0;
            }
            for (int f = 0; f < flowHigh; f++) {
                fi[(f << 2) + SEEN] = 0;
                fi[(f << 2) + MARK] = 0;
            }
            stamp = 0;
        }
    }

    // ---------------------------------------------------------------- storage

    private int attach(int link, int f) {
        int d = li[(link << 3) + L_DEG];
        if (d == adj[link].length) {
            adj[link] = Arrays.copyOf(adj[link], Math.max(4, d * 2));
        }
        adj[link][d] = f;
        li[(link << 3) + L_DEG] = d + 1;
        return d;
    }

    private void detach(int link, int pos, boolean uplink) {
        int last = --li[(link << 3) + L_DEG];
        int moved = adj[link][last];
        adj[link][pos] = moved;
        if (uplink) {
            posUp[moved] = pos;
        } else {
            posDown[moved] = pos;
        }
    }

    private int allocateId() {
        if (freeTop > 0) {
            return freeIds[--freeTop];
        }
        if (flowHigh == flowCapacity) {
            growFlows(flowCapacity * 2);
        }
        return flowHigh++;
    }

    private void checkOpen(int flow) {
        if (!isOpen(flow)) {
            throw new IllegalArgumentException("flow " + flow + " is not open");
        }
    }

    private void growFlows(int c) {
        flowCapacity = c;
        open = Arrays.copyOf(open, c);
        fi = Arrays.copyOf(fi, 4 * c);
        fd = Arrays.copyOf(fd, 4 * c);
        idle = Arrays.copyOf(idle, c);
        posUp = Arrays.copyOf(posUp, c);
        posDown = Arrays.copyOf(posDown, c);
        bytes = Arrays.copyOf(bytes, c);
        settled = Arrays.copyOf(settled, c);
        event = Arrays.copyOf(event, c);
        freeIds = Arrays.copyOf(freeIds, c);
        flowList = Arrays.copyOf(flowList, c);
        crossBuf = Arrays.copyOf(crossBuf, 2 * c);
    }

    private void growNodes(int n) {
        int oldLinks = adj.length;
        if (2 * n > oldLinks) {
            // doubling: growing to exactly n on every new node copied every link array per join (quadratic)
            int c = Math.max(2 * n, 2 * oldLinks);
            adj = Arrays.copyOf(adj, c);
            li = Arrays.copyOf(li, 8 * c);
            ld = Arrays.copyOf(ld, 8 * c);
            for (int l = oldLinks; l < c; l++) {
                adj[l] = new int[4];
            }
            rList = Arrays.copyOf(rList, c);
            dirtyList = Arrays.copyOf(dirtyList, c);
            changedList = Arrays.copyOf(changedList, c);
            linkHeap.ensureItems(c);
        }
        nodes = n;
    }
}
