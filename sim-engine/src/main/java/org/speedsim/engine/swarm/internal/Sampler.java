package org.speedsim.engine.swarm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.speedsim.engine.swarm.PieceCopyDistribution;
import org.speedsim.engine.swarm.SwarmExtension;
import org.speedsim.engine.swarm.TimeSeries;

/**
 * The time series of a run: at every sampling interval one row of the swarm's base columns followed by each
 * extension's columns, and the distribution of piece copies. Reads the state and changes nothing in it, so
 * sampling never moves a run; its own event (every {@code sampleIntervalMicros} up to the duration) is scheduled
 * here.
 */
final class Sampler {

    static final String[] BASE_COLUMNS = {"time_s", "leechers", "seeds", "distributed_copies", "min_piece_copies",
        "mean_piece_copies", "upload_utilisation"};

    private final SwarmState state;
    private final int kind;
    private final InvariantChecks invariants;
    private final int extColumns;
    private final TimeSeries series;
    private final PieceCopyDistribution pieceCopies = new PieceCopyDistribution();

    /** {@code kind}: the simulator's event kind whose handler calls {@link #sample}. */
    Sampler(SwarmState state, int kind, InvariantChecks invariants) {
        this.state = state;
        this.kind = kind;
        this.invariants = invariants;
        List<String> cols = new ArrayList<>(Arrays.asList(BASE_COLUMNS));
        int ec = 0;
        for (SwarmExtension e : state.ext) {
            String[] c = e.sampleColumns();
            cols.addAll(Arrays.asList(c));
            ec += c.length;
        }
        extColumns = ec;
        series = new TimeSeries(cols);
    }

    TimeSeries series() {
        return series;
    }

    PieceCopyDistribution pieceCopies() {
        return pieceCopies;
    }

    /** Samples unless the last sample was taken at {@code stopAt} already. */
    void sampleAtStop(long stopAt) {
        if (series.size() == 0 || series.get(series.size() - 1, 0) * 1e6 < stopAt) {
            sample();
        }
    }

    void sample() {
        SwarmState s = state;
        long now = s.sim.now();
        if (now + s.cfg.sampleIntervalMicros() <= s.cfg.durationMicros()) {
            s.sim.scheduleIn(s.cfg.sampleIntervalMicros(), kind, 0, 0);
        }
        int[] copies = s.copies;
        int min = Integer.MAX_VALUE;
        long sum = 0;
        for (int c : copies) {
            min = Math.min(min, c);
            sum += c;
        }
        int above = 0;
        for (int c : copies) {
            if (c > min) {
                above++;
            }
        }
        double capSum = 0;
        for (int i = 0; i < s.onlineCount; i++) {
            capSum += s.upCap[s.onlineList[i]];
        }
        double[] row = new double[BASE_COLUMNS.length + extColumns];
        row[0] = now / 1e6;
        row[1] = s.leechersOnline;
        row[2] = s.seedsOnline;
        row[3] = min + (double) above / s.pieces;
        row[4] = min;
        row[5] = (double) sum / s.pieces;
        row[6] = capSum > 0 ? Math.min(1.0, s.net.totalRate() / capSum) : 0;
        int k = BASE_COLUMNS.length;
        for (SwarmExtension e : s.ext) {
            int len = e.sampleColumns().length;
            if (len > 0) {
                double[] out = new double[len];
                e.sample(now, out);
                System.arraycopy(out, 0, row, k, len);
                k += len;
            }
        }
        series.add(row);
        pieceCopies.record(now, copies);
        invariants.atSample();
    }
}
