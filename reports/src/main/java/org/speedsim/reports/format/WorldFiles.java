package org.speedsim.reports.format;

import static org.speedsim.reports.format.Column.Type.FLAG;
import static org.speedsim.reports.format.Column.Type.INTEGER;
import static org.speedsim.reports.format.Column.Type.NUMBER;
import static org.speedsim.reports.format.Column.Type.TEXT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.speedsim.engine.world.RequestRecord;
import org.speedsim.engine.world.TorrentRecord;
import org.speedsim.engine.world.UserRecord;
import org.speedsim.engine.world.WorldColumns;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.engine.world.WorldSummary;
import org.speedsim.reports.Numbers;

/**
 * The files of one world replication directory and their columns: {@value RunFiles#SCENARIO} (when the caller has
 * the resolved scenario), {@value #TIMESERIES}, {@value #TORRENTS}, {@value #USERS}, {@value #REQUESTS} and, written
 * last, {@value #SUMMARY}.
 *
 * <p>Invariant: {@link #TIMESERIES_COLUMNS} names exactly {@link WorldColumns#SERIES}, in order; {@link #summary} is
 * the only map from a {@link WorldResult} to {@value #SUMMARY} keys. Times are seconds (exact decimals of the
 * simulator's microseconds), a time that never happened is missing (empty cell, JSON null).
 */
public final class WorldFiles {

    public static final String TIMESERIES = RunFiles.TIMESERIES;
    public static final String TORRENTS = "torrents.csv";
    public static final String USERS = "users.csv";
    public static final String REQUESTS = "requests.csv";
    public static final String SUMMARY = RunFiles.SUMMARY;

    /** Every file a world replication directory holds, in the order they are written ({@code scenario.yaml} first). */
    public static final List<String> FILES = List.of(RunFiles.SCENARIO, TIMESERIES, TORRENTS, USERS, REQUESTS,
            SUMMARY);

    /** {@value #SUMMARY} keys that code reads by name (declared with the others in {@link #SUMMARY_FIELDS}). */
    public static final String SCENARIO_NAME = "scenario";
    public static final String SIMULATED = RunFiles.SIMULATED;
    public static final String WALL = RunFiles.WALL;
    public static final String REQUEST_SUCCESS = "request_success";
    public static final String AIRDROPPED = "tokens_airdropped_ubtt";
    public static final String SPENT = "tokens_spent_ubtt";
    public static final String EARNED = "tokens_earned_ubtt";
    public static final String SETTLED = "tokens_settled_ubtt";
    public static final String FUNDED_BY_EARNINGS = "funded_by_earnings_share";
    public static final String VELOCITY = "token_velocity_per_day";

    /** The {@value #SUMMARY} key of the request success of popularity decile {@code d} (1..10). */
    public static String requestSuccessKey(int d) {
        return "request_success_d" + d;
    }

    /** The {@value #SUMMARY} key of the mean availability of popularity decile {@code d} (1..10). */
    public static String availabilityKey(int d) {
        return "availability_d" + d;
    }

    /** The {@value #TIMESERIES} column of the share of released torrents of decile {@code d} that are available. */
    public static String availableShareColumn(int d) {
        return "available_share_d" + d;
    }

    /** The {@value #TIMESERIES} column of the Lorenz curve at the poorest {@code percent} % of Speed users. */
    public static String lorenzColumn(int percent) {
        return "lorenz_p" + percent;
    }

    private static final String SECONDS = "s";
    private static final String BYTES = "bytes";
    private static final String MICRO_BTT = "µBTT";

    /** Columns of {@value #TIMESERIES}: one row per sample, {@link WorldColumns#SERIES} in order. */
    public static final List<Column<RunFiles.Sample>> TIMESERIES_COLUMNS;

    static {
        List<Column<RunFiles.Sample>> c = new ArrayList<>(List.of(
                sampled("time_s", SECONDS, "sample time"),
                sampled("users_online", "", "users online"),
                sampled("swarms_active", "", "swarms with state (someone online in them)"),
                sampled("torrents_released", "", "torrents released so far"),
                sampled("torrents_available", "", "released torrents whose online peers hold every piece"),
                sampled("leechers", "", "online peers without the whole torrent, over all swarms"),
                sampled("seeds", "", "online peers with the whole torrent, over all swarms (publishers included)"),
                sampled("requests_open", "", "requests neither completed nor ended"),
                sampled("tokens_held_ubtt", MICRO_BTT, "tokens in wallets (spendable balances)"),
                sampled("tokens_escrowed_ubtt", MICRO_BTT, "tokens locked in open payment channels"),
                sampled("tokens_moved_ubtt", MICRO_BTT, "tokens the ledger moved to payees since the last sample"),
                sampled("tokens_airdropped_ubtt", MICRO_BTT, "tokens airdropped since the last sample"),
                sampled("balance_gini", "", "Gini coefficient of the Speed users' balances"),
                sampled("unaffordable_share", "", "share of online Speed users that cannot afford one piece at the "
                        + "current mean slot price")));
        for (int d = 1; d <= WorldColumns.DECILES; d++) {
            c.add(sampled(availableShareColumn(d), "", "share of the released torrents of popularity decile " + d
                    + " (1: most popular tenth) that are available"));
        }
        for (int p = 10; p <= 90; p += 10) {
            c.add(sampled(lorenzColumn(p), "", "share of all Speed users' tokens held by the poorest " + p
                    + " % of the Speed users who arrived (Lorenz curve)"));
        }
        TIMESERIES_COLUMNS = Collections.unmodifiableList(c);
        if (!Column.names(TIMESERIES_COLUMNS).equals(WorldColumns.SERIES)) {
            throw new IllegalStateException("world time-series declarations differ from WorldColumns.SERIES");
        }
    }

    /** Columns of {@value #TORRENTS}: one row per torrent of the catalogue, by id. */
    public static final List<Column<TorrentRecord>> TORRENTS_COLUMNS = List.of(
            Column.of("torrent", "", INTEGER, "torrent id", TorrentRecord::id),
            Column.of("size_bytes", BYTES, INTEGER, "its size", TorrentRecord::sizeBytes),
            Column.of("pieces", "", INTEGER, "its number of pieces", TorrentRecord::pieces),
            Column.of("release_s", SECONDS, NUMBER, "its release time (negative: released before the world started)",
                    r -> Numbers.seconds(r.releaseMicros())),
            Column.of("available_from_s", SECONDS, NUMBER, "when it was released into the world (0 for the initial "
                    + "catalogue)", r -> Numbers.seconds(r.availableFromMicros())),
            Column.of("rank", "", INTEGER, "popularity rank, 1 the most popular", TorrentRecord::rank),
            Column.of("decile", "", INTEGER, "popularity decile, 1 the most popular tenth of the catalogue",
                    TorrentRecord::decile),
            Column.of("requests", "", INTEGER, "requests users made for it", TorrentRecord::requests),
            Column.of("completions", "", INTEGER, "requests for it that completed", TorrentRecord::completions),
            Column.of("available_fraction", "", NUMBER, "fraction of the time from its release to the end during "
                    + "which it was available (0 if never released)", TorrentRecord::availableFraction),
            Column.of("first_unavailable_s", SECONDS, NUMBER, "first time it stopped being available; empty if it "
                    + "never did", r -> time(r.firstUnavailableMicros())),
            Column.of("last_available_s", SECONDS, NUMBER, "last time it was available (the end if it still is); "
                    + "empty if never", r -> time(r.lastAvailableMicros())),
            Column.of("swarms", "", INTEGER, "swarms created for it", TorrentRecord::swarms),
            Column.of("uploaded_bytes", BYTES, INTEGER, "bytes uploaded in its swarms, publisher included",
                    TorrentRecord::uploadedBytes));

    /** Columns of {@value #USERS}: one row per persistent user, by id. */
    public static final List<Column<UserRecord>> USERS_COLUMNS = List.of(
            Column.of("user", "", INTEGER, "user id", UserRecord::id),
            Column.of("class", "", TEXT, "its bandwidth class", UserRecord::peerClass),
            Column.of("client", "", TEXT, "its client", UserRecord::client),
            Column.of("upload_bytes_per_s", "bytes/s", NUMBER, "its upload capacity", UserRecord::uploadBytesPerSecond),
            Column.of("download_bytes_per_s", "bytes/s", NUMBER, "its download capacity",
                    UserRecord::downloadBytesPerSecond),
            Column.of("airdrop_ubtt", MICRO_BTT, INTEGER, "what its wallet received at its first arrival",
                    UserRecord::airdropUbtt),
            Column.of("final_balance_ubtt", MICRO_BTT, INTEGER, "its spendable balance at the end (escrow not "
                    + "included)", UserRecord::finalBalanceUbtt),
            Column.of("tokens_earned_ubtt", MICRO_BTT, INTEGER, "payments it accepted as a provider, all swarms",
                    UserRecord::earnedUbtt),
            Column.of("tokens_spent_ubtt", MICRO_BTT, INTEGER, "payments it made that providers accepted, all swarms",
                    UserRecord::spentUbtt),
            Column.of("uploaded_bytes", BYTES, INTEGER, "piece data it uploaded", UserRecord::uploadedBytes),
            Column.of("downloaded_bytes", BYTES, INTEGER, "piece data it downloaded", UserRecord::downloadedBytes),
            Column.of("online_s", SECONDS, NUMBER, "time online over all sessions",
                    r -> Numbers.seconds(r.onlineMicros())),
            Column.of("seeding_s", SECONDS, NUMBER, "time seeding, summed over torrents",
                    r -> Numbers.seconds(r.seedingMicros())),
            Column.of("torrents_seeded", "", INTEGER, "distinct torrents it seeded", UserRecord::torrentsSeeded),
            Column.of("sessions", "", INTEGER, "online sessions started", UserRecord::sessions),
            Column.of("library_torrents", "", INTEGER, "completed torrents in its library at the end",
                    UserRecord::libraryTorrents));

    /** The outcome labels of {@value #REQUESTS}. */
    public static final List<String> OUTCOMES = java.util.Arrays.stream(RequestRecord.Outcome.values())
            .map(RequestRecord.Outcome::label).toList();

    /** Columns of {@value #REQUESTS}: one row per request, in the order they were made. */
    public static final List<Column<RequestRecord>> REQUESTS_COLUMNS = List.of(
            Column.of("user", "", INTEGER, "who asked", RequestRecord::user),
            Column.of("torrent", "", INTEGER, "for which torrent", RequestRecord::torrent),
            Column.of("requested_s", SECONDS, NUMBER, "when", r -> Numbers.seconds(r.requestedMicros())),
            Column.of("ended_s", SECONDS, NUMBER, "when it completed, was given up or abandoned; empty if still open",
                    r -> time(r.endedMicros())),
            Column.of("outcome", "", TEXT, "how it ended: " + String.join(", ", OUTCOMES),
                    r -> r.outcome().label()),
            Column.of("downloaded_bytes", BYTES, INTEGER, "bytes of the torrent received for it",
                    RequestRecord::downloadedBytes));

    /** The fields of {@value #SUMMARY}, in file order. */
    public static final List<Column<WorldResult>> SUMMARY_FIELDS;

    static {
        List<Column<WorldResult>> f = new ArrayList<>(List.of(
                Column.of(SCENARIO_NAME, "", TEXT, "world scenario name", r -> r.config().name()),
                Column.of("seed", "", INTEGER, "random seed", r -> r.config().seed()),
                Column.of("replication", "", INTEGER, "replication index", r -> r.config().replication()),
                Column.of(SIMULATED, SECONDS, NUMBER, "simulated time at the end of the run",
                        r -> r.summary().simulatedMicros() / 1e6),
                Column.of(WALL, SECONDS, NUMBER, "wall-clock time the run took (the only field that is not "
                        + "reproducible)", WorldResult::wallSeconds),
                Column.of("events", "", INTEGER, "simulator events processed", r -> s(r).events()),
                Column.of("piece_transfers", "", INTEGER, "pieces transferred, all swarms",
                        r -> s(r).pieceTransfers()),
                Column.of("requests", "", INTEGER, "download requests made", r -> s(r).requests()),
                Column.of("requests_completed", "", INTEGER, "requests that completed", r -> s(r).completed()),
                Column.of("requests_gave_up", "", INTEGER, "requests given up after the patience time",
                        r -> s(r).gaveUp()),
                Column.of("requests_went_offline", "", INTEGER, "requests abandoned when the user went offline",
                        r -> s(r).wentOffline()),
                Column.of("requests_open", "", INTEGER, "requests still open at the end", r -> s(r).open()),
                Column.of(REQUEST_SUCCESS, "", NUMBER, "completed requests over all requests (open ones count as "
                        + "not completed); null without requests", r -> s(r).requestSuccess())));
        for (int d = 1; d <= WorldColumns.DECILES; d++) {
            int decile = d;
            f.add(Column.of(requestSuccessKey(d), "", NUMBER, "request success for torrents of popularity decile "
                    + d + "; null without requests", r -> s(r).requestSuccessByDecile().get(decile - 1)));
        }
        f.addAll(List.of(
                Column.of("torrents", "", INTEGER, "torrents in the catalogue", r -> s(r).torrents()),
                Column.of("torrents_released", "", INTEGER, "torrents released by the end",
                        r -> s(r).torrentsReleased()),
                Column.of("torrents_unavailable", "", INTEGER, "released torrents unavailable at the end",
                        r -> s(r).torrentsUnavailable())));
        for (int d = 1; d <= WorldColumns.DECILES; d++) {
            int decile = d;
            f.add(Column.of(availabilityKey(d), "", NUMBER, "mean available fraction of the released torrents of "
                    + "popularity decile " + d + "; null without one", r -> s(r).availabilityByDecile()
                    .get(decile - 1)));
        }
        f.addAll(List.of(
                Column.of(AIRDROPPED, MICRO_BTT, INTEGER, "tokens airdropped to the wallets of the Speed users who arrived (the treasury keeps the rest of the supply)",
                        r -> s(r).airdroppedUbtt()),
                Column.of(SPENT, MICRO_BTT, INTEGER, "payments accepted by providers, all swarms",
                        r -> s(r).spentUbtt()),
                Column.of(EARNED, MICRO_BTT, INTEGER, "payments accepted, counted at the providers",
                        r -> s(r).earnedUbtt()),
                Column.of(SETTLED, MICRO_BTT, INTEGER, "tokens the ledger moved to payees at channel closes",
                        r -> s(r).settledUbtt()),
                Column.of(FUNDED_BY_EARNINGS, "", NUMBER, "share of spending funded by earnings rather than "
                        + "airdrop (each user spends its airdrop first); null when nothing was spent",
                        r -> s(r).fundedByEarningsShare()),
                Column.of(VELOCITY, "1/day", NUMBER, "settled tokens per simulated day over the airdropped supply",
                        r -> s(r).tokenVelocityPerDay()),
                Column.of("conserved", "", FLAG, "token supply conserved and no balance negative at every check",
                        r -> s(r).conserved()),
                Column.of("ledger_checks", "", INTEGER, "conservation checks made", r -> s(r).ledgerChecks()),
                Column.of("uplink_exceeded", "", INTEGER, "samples at which a user uploaded faster than its link "
                        + "over all its swarms", r -> s(r).uplinkExceeded()),
                Column.of("uploaded_bytes", BYTES, INTEGER, "piece data uploaded, all swarms",
                        r -> s(r).uploadedBytes()),
                Column.of("downloaded_bytes", BYTES, INTEGER, "piece data downloaded, all swarms",
                        r -> s(r).downloadedBytes()),
                Column.of("peak_swarms", "", INTEGER, "most swarms with state at once", r -> s(r).peakSwarms()),
                Column.of("peak_users_online", "", INTEGER, "most users online at once",
                        r -> s(r).peakUsersOnline())));
        SUMMARY_FIELDS = Collections.unmodifiableList(f);
    }

    private WorldFiles() {
    }

    /**
     * The content of {@value #SUMMARY}: {@link #SUMMARY_FIELDS} in order, numbers as the CSV files hold them
     * ({@link Numbers#asWritten}), NaN and infinities as null.
     */
    public static Map<String, Object> summary(WorldResult result) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Column<WorldResult> field : SUMMARY_FIELDS) {
            Object v = field.value(result);
            if (v instanceof Double d) {
                v = Double.isFinite(d) ? Numbers.asWritten(d) : null;
            }
            m.put(field.name(), v);
        }
        return m;
    }

    private static WorldSummary s(WorldResult r) {
        return r.summary();
    }

    private static Column<RunFiles.Sample> sampled(String name, String unit, String meaning) {
        return Column.of(name, unit, NUMBER, meaning, sample -> {
            int i = sample.columns().indexOf(name);
            return i < 0 ? null : sample.values()[i];
        });
    }

    private static String time(long micros) {
        return micros < 0 ? null : Numbers.seconds(micros);
    }
}
