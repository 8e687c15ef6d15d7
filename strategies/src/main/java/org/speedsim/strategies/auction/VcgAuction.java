package org.speedsim.strategies.auction;

import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.AuctionOutcome;
import org.speedsim.engine.speed.auction.BidRanking;
import org.speedsim.engine.speed.auction.Pricing;

/**
 * Vickrey-Clarke-Groves for {@code k} identical slots and unit-demand bidders, computed from its definition: the
 * welfare-maximising allocation wins, and each winner pays its externality, the others' best welfare without it minus
 * the others' welfare with it. A reserve price {@code r} is modelled as the provider valuing each unsold slot at
 * {@code r}, so the provider is one of "the others". For unit demand the payments equal the uniform price; this class
 * exists to show it, not to be faster.
 *
 * <p>Welfare sums must fit in a {@code long}; an overflow throws {@link ArithmeticException} rather than mis-price.
 */
public final class VcgAuction implements AuctionFormat {

    public static final String NAME = "vcg";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Pricing pricing() {
        return Pricing.CRITICAL;
    }

    @Override
    public void run(long[] bids, int n, int slots, long reserve, AuctionOutcome out) {
        AuctionFormat.checkArguments(bids, n, slots, reserve);
        out.clear();
        if (slots == 0) {
            return;
        }
        int[] order = out.orderScratch(n);
        // The k best others of any winner lie among the k + 1 best bidders overall.
        int top = BidRanking.top(bids, n, Math.min(slots, n) + 1, reserve, order);
        int m = Math.min(slots, top);
        long winnersWelfare = 0;
        for (int j = 0; j < m; j++) {
            winnersWelfare = Math.addExact(winnersWelfare, bids[order[j]]);
        }
        long unsoldWelfare = Math.multiplyExact(reserve, (long) (slots - m));
        for (int j = 0; j < m; j++) {
            int i = order[j];
            long othersWith = Math.addExact(winnersWelfare - bids[i], unsoldWelfare);
            long othersWithout = 0;
            int taken = 0;
            for (int t = 0; t < top && taken < slots; t++) {
                if (order[t] != i) {
                    othersWithout = Math.addExact(othersWithout, bids[order[t]]);
                    taken++;
                }
            }
            othersWithout = Math.addExact(othersWithout, Math.multiplyExact(reserve, (long) (slots - taken)));
            out.add(i, othersWithout - othersWith, true);
        }
    }

    /** Formats are stateless: any two of one class are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof VcgAuction;
    }

    @Override
    public int hashCode() {
        return NAME.hashCode();
    }

    @Override
    public String toString() {
        return NAME;
    }
}
