package org.speedsim.engine.world;

/**
 * Samples a torrent by current popularity {@code w_i * exp(-(t - r_i) / tau)} among the first k torrents in release
 * order, in O(blocks + log n) without allocating.
 *
 * <p>All torrents decay with the same tau, so their relative weights {@code w_i * exp(r_i / tau)} do not change with
 * time: one table of cumulative sums answers every request. Those weights span {@code exp(span / tau)}, which
 * overflows a double when the catalogue's releases span more than about 700 tau; the torrents are therefore cut into
 * blocks of releases at most {@link #BLOCK_SPAN_TAUS} tau apart, each with cumulative sums relative to its first
 * release, and combined in log space at each request. A world whose releases span less than 64 tau has one block.
 */
final class PopularityIndex {

    static final double BLOCK_SPAN_TAUS = 64;

    private final long[] release;
    private final double[] cumulative;
    private final int[] blockStart;
    private final double tau;
    private final double[] blockShare;
    private final int blocks;

    /** {@code release} ascending, {@code weight} positive, both by release position. */
    PopularityIndex(long[] release, double[] weight, long tauMicros) {
        int n = release.length;
        this.release = release.clone();
        this.cumulative = new double[n];
        this.tau = tauMicros;
        int[] starts = new int[Math.max(1, n)];
        int b = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (i > 0 && release[i] < release[i - 1]) {
                throw new IllegalArgumentException("releases must be in order");
            }
            if (i == 0 || ((double) release[i] - release[starts[b - 1]]) / tau > BLOCK_SPAN_TAUS) {
                starts[b++] = i;
                sum = 0;
            }
            sum += weight[i] * Math.exp(((double) release[i] - release[starts[b - 1]]) / tau);
            cumulative[i] = sum;
        }
        this.blocks = b;
        this.blockStart = java.util.Arrays.copyOf(starts, b);
        this.blockShare = new double[Math.max(1, b)];
    }

    int blocks() {
        return blocks;
    }

    /** Position (in release order) of the chosen torrent among the first {@code released}; -1 if none. */
    int sample(double u, int released, long now) {
        if (released <= 0) {
            return -1;
        }
        int last = blockOf(released - 1);
        double max = Double.NEGATIVE_INFINITY;
        for (int b = 0; b <= last; b++) {
            int end = b < last ? blockStart[b + 1] - 1 : released - 1;
            double log = Math.log(cumulative[end]) + ((double) release[blockStart[b]] - now) / tau;
            blockShare[b] = log;
            max = Math.max(max, log);
        }
        double total = 0;
        for (int b = 0; b <= last; b++) {
            blockShare[b] = Math.exp(blockShare[b] - max);
            total += blockShare[b];
        }
        double target = u * total;
        int chosen = last;
        for (int b = 0; b <= last; b++) {
            if (target < blockShare[b]) {
                chosen = b;
                break;
            }
            target -= blockShare[b];
        }
        double fraction = Math.min(1, Math.max(0, target / blockShare[chosen]));
        int lo = blockStart[chosen];
        int hi = chosen < last ? blockStart[chosen + 1] - 1 : released - 1;
        double x = fraction * cumulative[hi];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private int blockOf(int position) {
        int lo = 0;
        int hi = blocks - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (blockStart[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
