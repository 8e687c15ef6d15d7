package org.speedsim.strategies.observers;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.speedsim.engine.swarm.SwarmControl;
import org.speedsim.engine.swarm.SwarmExtension;

/**
 * An observer: records each leecher's download time (from joining to completing; initial seeds and leechers that
 * never complete are left out) and adds its {@code quantile} to the run summary as {@value #FIELD} (seconds; the
 * nearest-rank quantile, absent when no leecher completed), with {@value #QUANTILE_FIELD}. It only watches: it
 * draws no random numbers and acts on nothing, so the run is the same with it or without.
 */
public final class DownloadTimeObserver implements SwarmExtension {

    /** The name scenarios list it under. */
    public static final String NAME = "download-time";
    /** The summary field of the quantile, in seconds. */
    public static final String FIELD = "downloadTimeQuantile_s";
    /** The summary field saying which quantile. */
    public static final String QUANTILE_FIELD = "downloadTimeQuantile";

    private final SwarmControl control;
    private final double quantile;
    private final long[] joinedAt;
    private long[] times = new long[64];
    private int completed;

    private DownloadTimeObserver(SwarmControl control, double quantile) {
        this.control = control;
        this.quantile = quantile;
        this.joinedAt = new long[control.peerCapacity()];
        Arrays.fill(joinedAt, -1);
    }

    /** The factory of observers of {@code quantile} in [0, 1]. */
    public static SwarmExtension.Factory factory(double quantile) {
        if (!(quantile >= 0 && quantile <= 1)) {
            throw new IllegalArgumentException("quantile must be in [0, 1]: " + quantile);
        }
        return control -> new DownloadTimeObserver(control, quantile);
    }

    @Override
    public void onPeerJoined(int peer) {
        if (!control.isSeed(peer)) {
            joinedAt[peer] = control.simulator().now();
        }
    }

    @Override
    public void onCompleted(int peer) {
        if (joinedAt[peer] < 0) {
            return;
        }
        if (completed == times.length) {
            times = Arrays.copyOf(times, completed * 2);
        }
        times[completed++] = control.simulator().now() - joinedAt[peer];
    }

    @Override
    public Map<String, Object> summary() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(QUANTILE_FIELD, quantile);
        if (completed > 0) {
            long[] sorted = Arrays.copyOf(times, completed);
            Arrays.sort(sorted);
            int rank = Math.max(1, (int) Math.ceil(quantile * completed));
            fields.put(FIELD, sorted[rank - 1] / 1e6);
        }
        return fields;
    }
}
