package org.example.speedsim;

import java.util.List;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.strategies.StrategyArgs;
import org.speedsim.strategies.StrategyParam;
import org.speedsim.strategies.StrategyPlugin;

/**
 * Registers {@link ShadedBid} as the bidding strategy {@code example-shader}, with its two parameters. Listed in
 * {@code META-INF/services/org.speedsim.strategies.StrategyPlugin}, which is how speedsim finds it.
 */
public final class ShadedBidPlugin implements StrategyPlugin<BiddingStrategy.Factory> {

    @Override
    public Class<BiddingStrategy.Factory> kind() {
        return BiddingStrategy.Factory.class;
    }

    @Override
    public String name() {
        return "example-shader";
    }

    @Override
    public String description() {
        return "bids `factor` times the automatic bid at `spendingRate` (an example plug-in)";
    }

    @Override
    public List<StrategyParam> params() {
        return List.of(StrategyParam.number("factor", 1, null, "shading factor in [0, 1]"),
                StrategyParam.number("spendingRate", 1, "1.0", "fraction of the balance the bid may spend, in [0, 1]"));
    }

    @Override
    public BiddingStrategy.Factory create(StrategyArgs args) {
        double rate = args.doubleValue("spendingRate");
        double factor = args.doubleValue("factor");
        ShadedBid.ppm(rate, "spendingRate");
        ShadedBid.ppm(factor, "factor");
        return (peer, rng) -> new ShadedBid(rate, factor);
    }
}
