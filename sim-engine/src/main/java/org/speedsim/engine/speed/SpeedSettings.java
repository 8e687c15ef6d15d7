package org.speedsim.engine.speed;

import java.util.Objects;
import org.speedsim.engine.swarm.SeedPolicy;
import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.SlotAllocation;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.Distribution;

/**
 * How the peers of one Speed client bid, sell their slots, what they start with, and whether they cheat. A value;
 * {@link SpeedExtension} reads it per peer through the peer's {@link org.speedsim.engine.swarm.ClientSpec}.
 *
 * @param bidding                 the bidding strategy of each requester (a free rider never bids)
 * @param auction                 how a provider charges the winners of its regular slots
 * @param allocation              how bids and reciprocation share the regular slots
 * @param reservePriceNanoPerKiB  lowest price at which a slot is sold (bids below it count as none), >= 0
 * @param balanceMicroBtt         airdrop distribution of the initial balance, micro-BTT (drawn once per peer from
 *                                the peer's {@code balance} stream, rounded, negative draws count as 0)
 * @param nonPayer                adversary: bids and downloads but never pays
 * @param badData                 adversary: every piece it uploads fails verification
 * @param seedPolicy              how a seed ranks reciprocation for the slots bids leave: by the data it sent to each
 *                                candidate (the white paper's rule, the default) or round-robin
 */
public record SpeedSettings(BiddingStrategy.Factory bidding, AuctionFormat auction, SlotAllocation allocation,
                            long reservePriceNanoPerKiB, Distribution balanceMicroBtt, boolean nonPayer,
                            boolean badData, SeedPolicy seedPolicy) {

    /** Settings whose seeds rank reciprocation by upload rate. */
    public SpeedSettings(BiddingStrategy.Factory bidding, AuctionFormat auction, SlotAllocation allocation,
                         long reservePriceNanoPerKiB, Distribution balanceMicroBtt, boolean nonPayer,
                         boolean badData) {
        this(bidding, auction, allocation, reservePriceNanoPerKiB, balanceMicroBtt, nonPayer, badData,
                SeedPolicy.UPLOAD_RATE);
    }

    public SpeedSettings {
        Objects.requireNonNull(bidding, "bidding");
        Objects.requireNonNull(auction, "auction");
        Objects.requireNonNull(allocation, "allocation");
        Objects.requireNonNull(balanceMicroBtt, "balance");
        Objects.requireNonNull(seedPolicy, "seedPolicy");
        if (reservePriceNanoPerKiB < 0) {
            throw new IllegalArgumentException("reserve price must be >= 0: " + reservePriceNanoPerKiB);
        }
    }

    /** Honest settings: bids-first allocation, no reserve, no adversary flag. */
    public static SpeedSettings honest(BiddingStrategy.Factory bidding, AuctionFormat auction,
                                       Distribution balanceMicroBtt) {
        return new SpeedSettings(bidding, auction, new SlotAllocation.BidsFirst(), 0, balanceMicroBtt, false, false);
    }

    public SpeedSettings withReserve(long priceNanoPerKiB) {
        return new SpeedSettings(bidding, auction, allocation, priceNanoPerKiB, balanceMicroBtt, nonPayer, badData,
                seedPolicy);
    }

    public SpeedSettings withAllocation(SlotAllocation a) {
        return new SpeedSettings(bidding, auction, a, reservePriceNanoPerKiB, balanceMicroBtt, nonPayer, badData,
                seedPolicy);
    }

    public SpeedSettings withNonPayer(boolean on) {
        return new SpeedSettings(bidding, auction, allocation, reservePriceNanoPerKiB, balanceMicroBtt, on, badData,
                seedPolicy);
    }

    public SpeedSettings withBadData(boolean on) {
        return new SpeedSettings(bidding, auction, allocation, reservePriceNanoPerKiB, balanceMicroBtt, nonPayer, on,
                seedPolicy);
    }

    public SpeedSettings withBidding(BiddingStrategy.Factory b) {
        return new SpeedSettings(b, auction, allocation, reservePriceNanoPerKiB, balanceMicroBtt, nonPayer, badData,
                seedPolicy);
    }

    public SpeedSettings withSeedPolicy(SeedPolicy policy) {
        return new SpeedSettings(bidding, auction, allocation, reservePriceNanoPerKiB, balanceMicroBtt, nonPayer, badData,
                policy);
    }

    /** Chokers that auction the regular slots with these settings. */
    public ChokingPolicy.Factory chokerFactory() {
        return p -> new AuctionChoker(auction, allocation, reservePriceNanoPerKiB, seedPolicy);
    }
}
