package org.speedsim.engine.world.runtime;

import java.util.ArrayList;
import java.util.List;
import org.speedsim.engine.world.Catalogue;
import org.speedsim.engine.world.Population;
import org.speedsim.engine.world.RequestRecord;
import org.speedsim.engine.world.Torrent;
import org.speedsim.engine.world.TorrentRecord;
import org.speedsim.engine.world.UserRecord;
import org.speedsim.engine.world.WorldColumns;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.engine.world.WorldSummary;

/** Builds a world run's records and summary once the run has stopped (cold; allocates freely). */
final class WorldRecords {

    private final WorldRun run;

    WorldRecords(WorldRun run) {
        this.run = run;
    }

    WorldResult build(long end, double wallSeconds) {
        run.closeBooks(end);
        Catalogue catalogue = run.catalogue();
        Population population = run.population();
        int n = catalogue.size();

        List<TorrentRecord> torrents = new ArrayList<>(n);
        int releasedCount = 0;
        int unavailableAtEnd = 0;
        double[] availSum = new double[WorldColumns.DECILES];
        int[] availN = new int[WorldColumns.DECILES];
        for (int t = 0; t < n; t++) {
            Torrent torrent = catalogue.torrent(t);
            int decile = WorldColumns.decile(torrent.rank(), n);
            long from = torrent.availableFromMicros();
            boolean released = run.released(t);
            double fraction = 0;
            if (released) {
                releasedCount++;
                fraction = end > from ? (double) run.availableMicros(t) / (end - from) : (run.availableNow(t) ? 1 : 0);
                availSum[decile - 1] += fraction;
                availN[decile - 1]++;
                if (!run.availableNow(t)) {
                    unavailableAtEnd++;
                }
            }
            torrents.add(new TorrentRecord(t, torrent.sizeBytes(), (int) torrent.pieces(), torrent.releaseMicros(),
                    from, torrent.rank(), decile, run.torrentRequests(t), run.torrentCompletions(t), fraction,
                    run.firstUnavailable(t), run.lastAvailable(t), run.swarmsCreated(t), run.torrentUploaded(t)));
        }

        List<UserRecord> users = new ArrayList<>(population.size());
        long spentTotal = 0;
        long earnedTotal = 0;
        long fundedByEarnings = 0;
        long up = 0;
        long down = 0;
        var classes = run.config().world().population().classes();
        for (int u = 0; u < population.size(); u++) {
            boolean speed = run.isSpeedUser(u);
            long airdrop = speed && run.arrived(u) ? population.airdropMicroBtt(u) : 0;
            long balance = run.bank() == null || !speed ? 0 : run.bank().ledger.balance(u);
            spentTotal += run.spent(u);
            earnedTotal += run.earned(u);
            fundedByEarnings += Math.max(0, run.spent(u) - airdrop);
            up += run.uploaded(u);
            down += run.downloaded(u);
            users.add(new UserRecord(u, classes.get(population.bandwidthClass(u)).name(),
                    run.config().clients().get(population.client(u)).name(),
                    population.uploadBytesPerSecond(u), population.downloadBytesPerSecond(u), airdrop, balance,
                    run.earned(u), run.spent(u), run.uploaded(u), run.downloaded(u), run.onlineMicros(u),
                    run.seedingMicros(u), run.torrentsSeeded(u), run.sessions(u),
                    run.world().library().count(u)));
        }

        List<RequestRecord> requests = new ArrayList<>(run.requestCount());
        long[] byDecile = new long[WorldColumns.DECILES];
        long[] doneByDecile = new long[WorldColumns.DECILES];
        long completed = 0;
        long gaveUp = 0;
        long offline = 0;
        long open = 0;
        for (int r = 0; r < run.requestCount(); r++) {
            RequestRecord record = run.request(r);
            requests.add(record);
            int d = WorldColumns.decile(catalogue.torrent(record.torrent()).rank(), n) - 1;
            byDecile[d]++;
            switch (record.outcome()) {
                case COMPLETED -> {
                    completed++;
                    doneByDecile[d]++;
                }
                case GAVE_UP -> gaveUp++;
                case WENT_OFFLINE -> offline++;
                case OPEN -> open++;
                default -> throw new IllegalStateException();
            }
        }
        List<Double> successByDecile = new ArrayList<>();
        List<Double> availabilityByDecile = new ArrayList<>();
        for (int d = 0; d < WorldColumns.DECILES; d++) {
            successByDecile.add(byDecile[d] == 0 ? Double.NaN : (double) doneByDecile[d] / byDecile[d]);
            availabilityByDecile.add(availN[d] == 0 ? Double.NaN : availSum[d] / availN[d]);
        }
        long requestsTotal = run.requestCount();
        WorldBank bank = run.bank();
        long airdropped = bank == null ? 0 : bank.airdropped();
        long settled = bank == null ? 0 : bank.ledger.paidToPayees();
        double days = end / 86_400e6;
        double velocity = airdropped == 0 || days == 0 ? 0 : settled / days / airdropped;
        boolean conserved = bank == null || bank.conserved();
        WorldSummary summary = new WorldSummary(requestsTotal, completed, gaveUp, offline, open,
                requestsTotal == 0 ? Double.NaN : (double) completed / requestsTotal, successByDecile,
                availabilityByDecile, n, releasedCount, unavailableAtEnd, airdropped, spentTotal, earnedTotal,
                settled, spentTotal == 0 ? Double.NaN : (double) fundedByEarnings / spentTotal, velocity,
                conserved && run.paymentsConsistent(), run.ledgerChecks(), run.uplinkExceeded(),
                run.simulator().eventsProcessed(), run.pieceTransfers(), up, down, run.peakSwarms(),
                run.peakOnline(), end);
        return new WorldResult(run.config(), summary, torrents, users, requests, run.series(), wallSeconds);
    }
}
