package org.speedsim.reports;

import java.util.Locale;
import java.util.Map;

/**
 * What a chart calls a field of the output files or a scenario parameter: a human name, the unit it reads in and the
 * factor from the file's unit to that one. Every chart takes its axis labels from here, so a quantity reads the same
 * everywhere; tokens always read in BTT (the files hold micro-BTT, prices nano-BTT per KiB).
 *
 * <p>Invariant: a chart's plotted values stay in the file's unit; only the tick labels divide by {@link
 * Quantity#divisor()}.
 */
public final class Quantities {

    /** Micro-BTT in one BTT: the one place token amounts are converted for display. */
    public static final double MICRO_BTT_PER_BTT = 1e6;
    /** A price in nano-BTT per KiB divided by this is the price in BTT per GiB. */
    public static final double NANO_BTT_PER_KIB_PER_BTT_PER_GIB = 1e9 / (1024.0 * 1024.0);
    /** The unit every token amount is shown in. */
    public static final String TOKEN_UNIT = "BTT";
    /** The unit every price is shown in. */
    public static final String PRICE_UNIT = "BTT per GiB";

    /**
     * A quantity as a chart shows it.
     *
     * @param name    what it is, in words
     * @param unit    the displayed unit ("" for a count or a pure number)
     * @param divisor file value / divisor = displayed value
     */
    public record Quantity(String name, String unit, double divisor) {

        /** The axis label: the name with the unit in brackets. */
        public String label() {
            return unit.isEmpty() ? name : name + " (" + unit + ")";
        }

        /** The same quantity read in {@code unit} (a parameter whose values carry a unit of their own). */
        public Quantity in(String otherUnit) {
            return new Quantity(name, otherUnit, 1);
        }
    }

    private static Quantity q(String name, String unit, double divisor) {
        return new Quantity(name, unit, divisor);
    }

    private static final Quantity TOKENS = q("tokens", TOKEN_UNIT, MICRO_BTT_PER_BTT);

    /** Summary fields ({@code summary.json}, flattened) and time-series columns. */
    private static final Map<String, Quantity> FIELDS = Map.ofEntries(
            Map.entry("swarm_lifetime_s", q("swarm lifetime", "s", 1)),
            Map.entry("swarm_death_s", q("swarm death time", "s", 1)),
            Map.entry("swarm_died", q("share of swarms that died", "", 1)),
            Map.entry("lifetime_censored", q("share of swarms alive at the end", "", 1)),
            Map.entry("completed_fraction", q("share of arrived peers that finished", "", 1)),
            Map.entry("simulated_s", q("simulated time", "s", 1)),
            Map.entry("events", q("simulator events", "", 1)),
            Map.entry("peers_arrived", q("peers arrived", "", 1)),
            Map.entry("peers_completed", q("peers that finished", "", 1)),
            Map.entry("download_time_p50_s", q("median download time", "s", 1)),
            Map.entry("download_time_p90_s", q("90th percentile of download time", "s", 1)),
            Map.entry("download_time_mean_s", q("mean download time", "s", 1)),
            Map.entry("uploaded_bytes", q("data uploaded", "MiB", 1024.0 * 1024)),
            Map.entry("downloaded_bytes", q("data downloaded", "MiB", 1024.0 * 1024)),
            Map.entry("duplicate_bytes", q("duplicate data", "MiB", 1024.0 * 1024)),
            Map.entry("overhead_bytes", q("protocol overhead", "MiB", 1024.0 * 1024)),
            Map.entry("piece_transfers", q("piece transfers", "", 1)),
            Map.entry("tokens_paid", q("tokens paid", TOKEN_UNIT, MICRO_BTT_PER_BTT)),
            Map.entry("tokens_accepted", q("tokens accepted", TOKEN_UNIT, MICRO_BTT_PER_BTT)),
            Map.entry("tokens_settled", q("tokens settled", TOKEN_UNIT, MICRO_BTT_PER_BTT)),
            Map.entry("leechers", q("leechers online", "", 1)),
            Map.entry("seeds", q("seeds online", "", 1)),
            Map.entry("distributed_copies", q("distributed copies", "", 1)),
            Map.entry(Bands.UTILISATION, q("fraction of upload capacity in use", "", 1)),
            Map.entry("clearing_price_nano_per_kib", q("clearing price", PRICE_UNIT,
                    NANO_BTT_PER_KIB_PER_BTT_PER_GIB)),
            Map.entry("tokens_paid_ubtt", q("tokens paid", TOKEN_UNIT, MICRO_BTT_PER_BTT)),
            Map.entry("escrow_locked_ubtt", q("escrow", TOKEN_UNIT, MICRO_BTT_PER_BTT)),
            Map.entry("balance_gini", q("Gini coefficient (0: equal, 1: one peer holds all)", "", 1)),
            Map.entry("ledger_queue", q("transactions waiting", "", 1)));

    /** Scenario parameters by their last path segment ({@code clients[1].bidding.spendingRate}: spendingRate). */
    private static final Map<String, Quantity> PARAMETERS = Map.ofEntries(
            Map.entry("spendingRate", q("spending rate (share of the balance offered)", "", 1)),
            Map.entry("reservePrice", q("reserve price", "", 1)),
            Map.entry("price", q("bid price", "", 1)),
            Map.entry("share", q("share of the peers", "", 1)),
            Map.entry("peers", q("peers arriving", "", 1)),
            Map.entry("count", q("count", "", 1)),
            Map.entry("weight", q("weight of the bid in the score", "", 1)),
            Map.entry("unchokeSlots", q("unchoke slots", "", 1)),
            Map.entry("trackerPeers", q("peers a tracker returns", "", 1)),
            Map.entry("escrowPieces", q("pieces escrowed per channel", "", 1)),
            Map.entry("failuresBeforeBan", q("payment failures before a ban", "", 1)),
            Map.entry("balance", q("airdropped balance", "", 1)),
            Map.entry("reservation", q("seeding reservation", "", 1)),
            Map.entry("auction", q("auction", "", 1)),
            Map.entry("allocation", q("slot allocation", "", 1)),
            Map.entry("strategy", q("bidding strategy", "", 1)),
            Map.entry("protocol", q("protocol", "", 1)));

    private Quantities() {
    }

    /**
     * The quantity of a summary field, a time-series column or a scenario parameter path; a name not in the table
     * reads as its words ({@code uploaded_bytes}: "bytes uploaded"), with micro-BTT fields ({@code tokens_*},
     * {@code *_ubtt}) in BTT and seconds fields ({@code *_s}) in s.
     */
    public static Quantity of(String field) {
        Quantity known = FIELDS.get(field);
        if (known != null) {
            return known;
        }
        String last = field.substring(field.lastIndexOf('.') + 1).replaceAll("\\[\\d+]", "");
        Quantity parameter = PARAMETERS.get(last);
        if (parameter != null && !field.startsWith("tokens_")) {
            return parameter;
        }
        if (field.startsWith("tokens_") || field.endsWith("_ubtt")) {
            return q(words(last.replaceAll("_ubtt$", "")), TOKENS.unit(), TOKENS.divisor());
        }
        if (last.endsWith("_s")) {
            return q(words(last.replaceAll("_s$", "")), "s", 1);
        }
        return q(words(last), "", 1);
    }

    /** {@code uploaded_bytes} and {@code bytes_uploaded} as "bytes uploaded". */
    static String words(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT).trim();
    }
}
