package org.speedsim.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.speedsim.engine.world.RequestRecord;
import org.speedsim.engine.world.WorldColumns;
import org.speedsim.reports.format.ReportFiles.RequestSuccessRow;
import org.speedsim.reports.format.WorldFiles;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Request success by popularity decile over time: the requests of {@code requests.csv} binned by the time they were
 * made into {@code bins} equal bins from 0 to the longest run's end (a bin holds [start, end), the last one its end
 * too), and by the decile of the requested torrent's rank in {@code torrents.csv}. A request succeeds when its
 * outcome is {@code completed}; one still open at the end counts as not completed, so the last bins understate the
 * success of requests that had little time.
 *
 * <p>Per cell: the requests and completions pooled over the replications, and the mean over the replications with a
 * request there of each one's share completed, with a Student-t 95 % interval cut to [0, 1] (none with fewer than
 * two such replications).
 */
public final class RequestSuccessBins {

    private static final String COMPLETED = RequestRecord.Outcome.COMPLETED.label();

    private RequestSuccessBins() {
    }

    /**
     * The rows, by bin then decile 1..10 (every cell, empty ones with 0 requests).
     *
     * @throws DamagedResultException when a request names a torrent not in torrents.csv or has no time, or a rank is
     *                                out of range
     */
    public static List<RequestSuccessRow> of(List<WorldReplication> replications, int bins)
            throws DamagedResultException {
        if (bins < 1) {
            throw new IllegalArgumentException("need at least one time bin: " + bins);
        }
        double end = 0;
        for (WorldReplication r : replications) {
            end = Math.max(end, r.simulatedSeconds());
        }
        double width = end / bins;
        int deciles = WorldColumns.DECILES;
        long[][][] requests = new long[replications.size()][bins][deciles];
        long[][][] completed = new long[replications.size()][bins][deciles];
        for (int k = 0; k < replications.size(); k++) {
            WorldReplication r = replications.get(k);
            int[] decile = deciles(r);
            Table q = r.requests();
            NumericColumn<?> torrent = q.numberColumn("torrent");
            NumericColumn<?> at = q.numberColumn("requested_s");
            StringColumn outcome = q.stringColumn("outcome");
            for (int i = 0; i < q.rowCount(); i++) {
                if (!(at.getDouble(i) >= 0)) {
                    throw new DamagedResultException(file(r, WorldFiles.REQUESTS), "line " + (i + 2)
                            + ": requested_s is missing or negative");
                }
                int bin = width > 0 ? (int) Math.min(bins - 1, Math.floor(at.getDouble(i) / width)) : 0;
                double id = torrent.getDouble(i);
                if (!(id >= 0 && id < decile.length && decile[(int) id] > 0)) {
                    throw new DamagedResultException(file(r, WorldFiles.REQUESTS), "line " + (i + 2)
                            + ": torrent " + Text.number(id) + " is not in " + WorldFiles.TORRENTS);
                }
                int d = decile[(int) id] - 1;
                requests[k][bin][d]++;
                if (COMPLETED.equals(outcome.get(i))) {
                    completed[k][bin][d]++;
                }
            }
        }
        List<RequestSuccessRow> rows = new ArrayList<>(bins * deciles);
        for (int b = 0; b < bins; b++) {
            for (int d = 0; d < deciles; d++) {
                long n = 0;
                long c = 0;
                double[] shares = new double[replications.size()];
                for (int k = 0; k < replications.size(); k++) {
                    n += requests[k][b][d];
                    c += completed[k][b][d];
                    shares[k] = requests[k][b][d] > 0 ? (double) completed[k][b][d] / requests[k][b][d] : Double.NaN;
                }
                MeanCi ci = MeanCi.of(shares, 0.95);
                double low = ci.n() > 1 ? Math.max(0, ci.lower()) : Double.NaN;
                double high = ci.n() > 1 ? Math.min(1, ci.upper()) : Double.NaN;
                rows.add(new RequestSuccessRow(b * width, b == bins - 1 ? end : (b + 1) * width, d + 1, n, c,
                        ci.n(), ci.mean(), low, high));
            }
        }
        return rows;
    }

    private static Path file(WorldReplication r, String name) {
        return r.dir() == null ? Path.of(name) : r.dir().resolve(name);
    }

    /** Decile by torrent id, from the rank column of torrents.csv. */
    private static int[] deciles(WorldReplication r) throws DamagedResultException {
        Table torrents = r.torrents();
        NumericColumn<?> id = torrents.numberColumn("torrent");
        NumericColumn<?> rank = torrents.numberColumn("rank");
        int n = torrents.rowCount();
        int max = -1;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, (int) id.getDouble(i));
        }
        int[] decile = new int[max + 1];
        for (int i = 0; i < n; i++) {
            double k = rank.getDouble(i);
            if (!(k >= 1 && k <= n) || !(id.getDouble(i) >= 0)) {
                throw new DamagedResultException(file(r, WorldFiles.TORRENTS), "line " + (i + 2)
                        + ": torrent id or rank out of range (rank must be in 1.." + n + ")");
            }
            decile[(int) id.getDouble(i)] = WorldColumns.decile((int) k, n);
        }
        return decile;
    }
}
