package org.speedsim.strategies.auction;

import java.util.List;
import java.util.Locale;
import org.speedsim.engine.speed.auction.AuctionFormat;

/** The built-in auction formats by name, for scenario files and the command line. */
public final class AuctionFormats {

    private AuctionFormats() {
    }

    /** Names accepted by {@link #byName}. */
    public static final List<String> NAMES = List.of(UniformPriceAuction.NAME, VcgAuction.NAME, FirstPriceAuction.NAME);

    /** The format called {@code name} (case-insensitive). */
    public static AuctionFormat byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case UniformPriceAuction.NAME:
                return new UniformPriceAuction();
            case VcgAuction.NAME:
                return new VcgAuction();
            case FirstPriceAuction.NAME:
                return new FirstPriceAuction();
            default:
                throw new IllegalArgumentException("unknown auction format '" + name + "', expected one of " + NAMES);
        }
    }
}
