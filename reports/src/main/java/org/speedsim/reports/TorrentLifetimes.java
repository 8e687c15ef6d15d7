package org.speedsim.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.speedsim.engine.world.WorldColumns;
import org.speedsim.reports.format.WorldFiles;
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

    /**
     * The lifetimes of the torrents of one replication, in torrents.csv order.
     *
     * @throws DamagedResultException when a rank is not in 1..torrents, or a released torrent has no release time
     *                                or became unavailable before it was released
     */
    public static List<Lifetime> of(WorldReplication replication) throws DamagedResultException {
        Table t = replication.torrents();
        double end = replication.simulatedSeconds();
        NumericColumn<?> rank = t.numberColumn("rank");
        NumericColumn<?> release = t.numberColumn("release_s");
        NumericColumn<?> from = t.numberColumn("available_from_s");
        NumericColumn<?> death = t.numberColumn("first_unavailable_s");
        int n = t.rowCount();
        List<Lifetime> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double k = rank.getDouble(i);
            if (!(k >= 1 && k <= n)) {
                throw damaged(replication, i, "rank " + Text.number(k) + " is not in 1.." + n);
            }
            if (!(release.getDouble(i) <= end)) {
                continue;
            }
            double d = death.getDouble(i);
            boolean observed = !Double.isNaN(d);
            if (!(from.getDouble(i) >= 0 && from.getDouble(i) <= (observed ? d : end))) {
                throw damaged(replication, i, "available_from_s is missing, negative or after first_unavailable_s");
            }
            double seconds = Math.max(0, Math.round(((observed ? d : end) - from.getDouble(i)) * 1e6) / 1e6);
            out.add(new Lifetime(WorldColumns.decile((int) k, n), seconds, observed));
        }
        return out;
    }

    private static DamagedResultException damaged(WorldReplication r, int row, String problem) {
        Path file = r.dir() == null ? Path.of(WorldFiles.TORRENTS) : r.dir().resolve(WorldFiles.TORRENTS);
        return new DamagedResultException(file, "line " + (row + 2) + ": " + problem);
    }

    /** Per decile 1..10 (those with at least one torrent), the Kaplan-Meier curve of the pooled replications. */
    public static Map<Integer, SurvivalCurve> byDecile(List<WorldReplication> replications)
            throws DamagedResultException {
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
