package org.speedsim.engine.world;

import java.util.List;

/**
 * The headline numbers of one world run ({@code summary.json}). Deciles are by popularity rank, decile 1 the most
 * popular tenth of the catalogue; a decile with no released torrent (or no request) has NaN.
 *
 * @param requestSuccess           completed / requests (requests still open at the end count as not completed)
 * @param requestSuccessByDecile   the same per decile of the requested torrent (10 values)
 * @param availabilityByDecile     mean {@link TorrentRecord#availableFraction} of the released torrents per decile
 * @param torrentsUnavailable      released torrents that were unavailable at the end
 * @param airdroppedUbtt           tokens granted to wallets (all minted once; nothing else is minted)
 * @param spentUbtt                payments accepted by providers, all swarms
 * @param settledUbtt              tokens the ledger moved to payees at channel closes
 * @param fundedByEarningsShare    share of spending funded by earnings: sum over users of max(0, spent - airdrop),
 *                                 over total spent (a user spends its airdrop first); NaN when nothing was spent
 * @param tokenVelocityPerDay      settled tokens per simulated day over the airdropped supply
 * @param conserved                token supply conserved and no balance negative, after every ledger operation
 *                                 checked (and at the end)
 * @param uplinkExceeded           samples at which a user's upload rate over all its swarms exceeded its link
 */
public record WorldSummary(long requests, long completed, long gaveUp, long wentOffline, long open,
                           double requestSuccess, List<Double> requestSuccessByDecile,
                           List<Double> availabilityByDecile, int torrents, int torrentsReleased,
                           int torrentsUnavailable, long airdroppedUbtt, long spentUbtt, long earnedUbtt,
                           long settledUbtt, double fundedByEarningsShare, double tokenVelocityPerDay,
                           boolean conserved, long ledgerChecks, long uplinkExceeded, long events,
                           long pieceTransfers, long uploadedBytes, long downloadedBytes, int peakSwarms,
                           int peakUsersOnline, long simulatedMicros) {
    public WorldSummary {
        requestSuccessByDecile = List.copyOf(requestSuccessByDecile);
        availabilityByDecile = List.copyOf(availabilityByDecile);
    }
}
