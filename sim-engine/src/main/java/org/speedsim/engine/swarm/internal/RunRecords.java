package org.speedsim.engine.swarm.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.RunSummary;
import org.speedsim.engine.swarm.SwarmExtension;

/**
 * What a finished run reports from its state: the {@link RunSummary} (download-time percentiles over the leechers
 * that arrived and completed, byte totals, the extensions' summary entries) and one {@link PeerRecord} per peer that
 * ever joined, in peer id order.
 */
final class RunRecords {

    private final SwarmState state;

    RunRecords(SwarmState state) {
        this.state = state;
    }

    RunSummary summary(long stopAt, long deathAt, InvariantChecks invariants) {
        SwarmState s = state;
        double[] times = new double[s.peerCount];
        int completed = 0;
        int arrived = 0;
        for (int peer = 0; peer < s.peerCount; peer++) {
            if (s.arrivalAt[peer] < 0 || s.initialSeed[peer]) {
                continue;
            }
            arrived++;
            if (s.completedAt[peer] >= 0 && s.completedAt[peer] > s.arrivalAt[peer]) {
                times[completed++] = (s.completedAt[peer] - s.arrivalAt[peer]) / 1e6;
            }
        }
        double p50 = Double.NaN;
        double p90 = Double.NaN;
        double mean = Double.NaN;
        if (completed > 0) {
            double[] sorted = Arrays.copyOf(times, completed);
            Arrays.sort(sorted);
            Percentile percentile = new Percentile();
            percentile.setData(sorted);
            p50 = percentile.evaluate(50);
            p90 = percentile.evaluate(90);
            double sum = 0;
            for (double x : sorted) {
                sum += x;
            }
            mean = sum / completed;
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("badPieceBytes", s.badBytes);
        if (!invariants.failures().isEmpty()) {
            extra.put("invariantFailures", List.copyOf(invariants.failures()));
        }
        for (SwarmExtension e : s.ext) {
            extra.putAll(e.summary());
        }
        return RunSummary.builder(s.cfg.name(), s.cfg.seed(), s.cfg.replication()).simulatedMicros(stopAt)
                .events(s.sim.eventsProcessed()).peers(arrived, completed).downloadSeconds(p50, p90, mean)
                .swarmDeathMicros(deathAt).bytes(s.totalUp, s.totalDown, s.totalDup).pieceTransfers(s.pieceTransfers)
                .overheadBytes(s.overheadBytes).invariantsOk(invariants.ok()).extra(extra).build();
    }

    List<PeerRecord> records() {
        SwarmState s = state;
        List<PeerRecord> out = new ArrayList<>(s.peerCount);
        for (int peer = 0; peer < s.peerCount; peer++) {
            if (s.arrivalAt[peer] < 0) {
                continue;
            }
            long spent = 0;
            long earned = 0;
            long settled = 0;
            long messages = 0;
            for (SwarmExtension e : s.ext) {
                spent += e.tokensSpent(peer);
                earned += e.tokensEarned(peer);
                settled += e.tokensSettled(peer);
                messages += e.messageBytes(peer);
            }
            out.add(new PeerRecord(peer, s.cfg.peerClasses().get(s.peerClass[peer]).name(),
                    s.cfg.clients().get(s.peerClient[peer]).name(), s.initialSeed[peer], s.arrivalAt[peer],
                    s.completedAt[peer], s.departedAt[peer], s.upCap[peer], s.downCap[peer], s.bytesUp[peer],
                    s.bytesDown[peer], s.dupBytes[peer], spent, earned, settled, messages));
        }
        return out;
    }
}
