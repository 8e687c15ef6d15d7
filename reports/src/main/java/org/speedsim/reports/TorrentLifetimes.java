package org.speedsim.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.speedsim.engine.world.WorldColumns;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * How long the torrents of world runs stayed available, per popularity decile, for a Kaplan-Meier estimate: a
 * torrent released within the run lives from its {@code available_from_s} to its {@code first_unavailable_s} (an
 * event), or to the end of the run when it never became unavailable (censored). Torrents released after the end are
 * left out. The decile is the torrent's rank's ({@link WorldColumns#decile}) in its run's catalogue.
 *
 * <p>A torrent of the initial catalogue (released before the world started) is counted from the start of the world,
 * its {@code available_from_s} of 0, not from its release: the run did not see it before, so its lifetime is the
 * time it stayed available within the run (no correction for its age at the start).
 */
public final class TorrentLifetimes {

    /** One torrent's lifetime in seconds; {@code observed} false when censored at the end of the run. */
    public record Lifetime(int decile, double seconds, boolean observed) {
    }

    private TorrentLifetimes() {
    }

    /** The lifetimes of the torrents of one replication, in torrents.csv order. */
    public static List<Lifetime> of(WorldReplication replication) {
        Table t = replication.torrents();
        double end = replication.simulatedSeconds();
        NumericColumn<?> rank = t.numberColumn("rank");
        NumericColumn<?> release = t.numberColumn("release_s");
        NumericColumn<?> from = t.numberColumn("available_from_s");
        NumericColumn<?> death = t.numberColumn("first_unavailable_s");
        int n = t.rowCount();
        List<Lifetime> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (!(release.getDouble(i) <= end)) {
                continue;
            }
            double d = death.getDouble(i);
            boolean observed = !Double.isNaN(d);
            double seconds = Math.max(0, Math.round(((observed ? d : end) - from.getDouble(i)) * 1e6) / 1e6);
            out.add(new Lifetime(WorldColumns.decile((int) rank.getDouble(i), n), seconds, observed));
        }
        return out;
    }

    /** Per decile 1..10 (those with at least one torrent), the Kaplan-Meier curve of the pooled replications. */
    public static Map<Integer, SurvivalCurve> byDecile(List<WorldReplication> replications) {
        List<Lifetime> all = new ArrayList<>();
        for (WorldReplication r : replications) {
            all.addAll(of(r));
        }
        Map<Integer, SurvivalCurve> out = new LinkedHashMap<>();
        for (int d = 1; d <= WorldColumns.DECILES; d++) {
            int decile = d;
            List<Lifetime> in = all.stream().filter(l -> l.decile() == decile).toList();
            if (in.isEmpty()) {
                continue;
            }
            double[] times = new double[in.size()];
            boolean[] observed = new boolean[in.size()];
            for (int i = 0; i < times.length; i++) {
                times[i] = in.get(i).seconds();
                observed[i] = in.get(i).observed();
            }
            out.put(d, KaplanMeier.estimate(times, observed));
        }
        return out;
    }
}
