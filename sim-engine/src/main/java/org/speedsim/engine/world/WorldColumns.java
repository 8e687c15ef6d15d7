package org.speedsim.engine.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The columns of a world's time series, in order; the one list every writer and reader of it uses. */
public final class WorldColumns {

    /** Popularity deciles. */
    public static final int DECILES = 10;

    /**
     * {@code time_s}; users online; swarms with state; torrents released and available; leechers and seeds over all
     * swarms; requests still open; tokens in wallets, locked in escrow, and moved to payees in the interval; airdrops
     * granted in the interval; Gini of Speed users' balances; share of online Speed users that cannot afford one piece
     * at the current mean slot price; then the share of released torrents available per decile
     * ({@code available_share_d1..d10}) and the Lorenz curve of balances ({@code lorenz_p10..p90}: share of all
     * tokens held by the poorest 10 %, ..., 90 % of Speed users who arrived).
     */
    public static final List<String> SERIES;

    static {
        List<String> c = new ArrayList<>(List.of("time_s", "users_online", "swarms_active", "torrents_released",
                "torrents_available", "leechers", "seeds", "requests_open", "tokens_held_ubtt",
                "tokens_escrowed_ubtt", "tokens_moved_ubtt", "tokens_airdropped_ubtt", "balance_gini",
                "unaffordable_share"));
        for (int d = 1; d <= DECILES; d++) {
            c.add("available_share_d" + d);
        }
        for (int p = 10; p <= 90; p += 10) {
            c.add("lorenz_p" + p);
        }
        SERIES = Collections.unmodifiableList(c);
    }

    private WorldColumns() {
    }

    /** Decile (1..10) of a torrent of popularity {@code rank} (1-based) in a catalogue of {@code torrents}. */
    public static int decile(int rank, int torrents) {
        return (int) ((long) (rank - 1) * DECILES / torrents) + 1;
    }
}
