package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.speed.auction.AuctionFormat;
import org.speedsim.engine.speed.auction.AuctionOutcome;
import org.speedsim.engine.speed.auction.Pricing;
import org.speedsim.engine.speed.auction.SlotAllocation;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.swarm.Distribution;

/**
 * The value types and arithmetic of the Speed layer at their edges: price arithmetic against BigInteger, the Gini
 * coefficient of hand-worked distributions, and what the configuration records refuse and copy.
 */
class SpeedValuesContractTest {

    @Test
    void mulDivIsTheFlooredExactQuotientCappedAtLongMax() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            long a = rng.nextLong(Long.MAX_VALUE >>> rng.nextInt(63));
            long b = rng.nextLong(Long.MAX_VALUE >>> rng.nextInt(63));
            long c = 1 + rng.nextLong(Long.MAX_VALUE >>> rng.nextInt(63));
            BigInteger q = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c));
            long expected = q.bitLength() < 64 ? q.longValue() : Long.MAX_VALUE;
            assertEquals(expected, Prices.mulDiv(a, b, c), a + " * " + b + " / " + c);
        }
        // a product of exactly 2^63 does not fit a long although its high word is 0
        assertEquals(1L << 62, Prices.mulDiv(1L << 32, 1L << 31, 2));
        assertEquals(Long.MAX_VALUE, Prices.mulDiv(Long.MAX_VALUE, 2, 1));
        assertEquals(0, Prices.mulDiv(0, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> Prices.mulDiv(-1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Prices.mulDiv(1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Prices.mulDiv(1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Prices.mulDiv(1, 1, -1));
    }

    @Test
    void wholeKibAndPieceCostsAtTheirEdges() {
        assertEquals(0, Prices.ceilKiB(0));
        assertEquals(1, Prices.ceilKiB(1));
        assertEquals(1, Prices.ceilKiB(1024));
        assertEquals(2, Prices.ceilKiB(1025));
        assertThrows(IllegalArgumentException.class, () -> Prices.ceilKiB(-1));
        // 1000 nano-BTT per KiB = 1 micro-BTT per KiB; a 256 KiB piece costs 256 micro-BTT
        assertEquals(256, Prices.pieceCost(1_000, 256 * 1024));
        assertEquals(0, Prices.pieceCost(0, 256 * 1024));
        assertEquals(0, Prices.pieceCost(1_000, 1023));
        assertThrows(IllegalArgumentException.class, () -> Prices.pieceCost(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> Prices.pieceCost(1, -1));
    }

    @Test
    void giniOfHandWorkedDistributions() {
        assertEquals(0.75, Gini.of(new long[] {10, 0, 0, 0}, 4), 1e-12);
        assertEquals(0.0, Gini.of(new long[] {3, 3, 3}, 3), 1e-12);
        // {1, 3}: mean absolute difference 1, over twice the mean 4
        assertEquals(0.25, Gini.of(new long[] {3, 1}, 2), 1e-12);
        assertEquals(0.0, Gini.of(new long[] {0, 0}, 2));
        assertEquals(0.0, Gini.of(new long[] {5}, 1));
        assertEquals(0.0, Gini.of(new long[] {5, 100}, 1), "only the first n amounts count");
        assertThrows(IllegalArgumentException.class, () -> Gini.of(new long[] {4, -1}, 2));
    }

    @Test
    void speedConfigRefusesImpossibleProtocolParameters() {
        LedgerConfig ledger = new LedgerConfig(1, 0, 1_000, SignatureMode.ACCOUNTING);
        new SpeedConfig(ledger, 1, 1, 1, 1, 0, false, false); // the smallest valid values
        new SpeedConfig(ledger, 1, 1, 1, 1, 499, false, false);
        assertThrows(NullPointerException.class, () -> new SpeedConfig(null, 1, 1, 1, 1, 0, false, false));
        assertThrows(IllegalArgumentException.class, () -> new SpeedConfig(ledger, 0, 1, 1, 1, 0, false, false));
        assertThrows(IllegalArgumentException.class, () -> new SpeedConfig(ledger, 1, 1, 0, 1, 0, false, false));
        assertThrows(IllegalArgumentException.class, () -> new SpeedConfig(ledger, 1, 0, 1, 1, 0, false, false));
        assertThrows(IllegalArgumentException.class, () -> new SpeedConfig(ledger, 1, 1, 1, 0, 0, false, false));
        assertThrows(IllegalArgumentException.class, () -> new SpeedConfig(ledger, 1, 1, 1, 1, -1, false, false));
        assertThrows(IllegalArgumentException.class, () -> new SpeedConfig(ledger, 1, 1, 1, 1, 500, false, false));

        SpeedConfig c = new SpeedConfig(ledger, 2, 3, 4, 5, 6, false, false);
        assertEquals(SignatureMode.ACCOUNTING, c.signatureMode());
        LedgerConfig ed = ledger.withSignatureMode(SignatureMode.ED25519);
        assertEquals(new SpeedConfig(ed, 2, 3, 4, 5, 6, false, false), c.withLedger(ed));
        assertEquals(SignatureMode.ED25519, c.withLedger(ed).signatureMode());
        assertEquals(new SpeedConfig(ledger, 2, 3, 4, 5, 6, false, true), c.withChecks(true));
        assertEquals(new SpeedConfig(ledger, 2, 3, 4, 5, 6, true, false), c.withEncoding(true));
    }

    @Test
    void speedSettingsRefuseMissingPartsAndCopyTheRest() {
        BiddingStrategy.Factory bidding = (peer, rng) -> ctx -> BiddingStrategy.NO_CHANGE;
        AuctionFormat auction = new AuctionFormat() {
            @Override
            public String name() {
                return "test";
            }

            @Override
            public Pricing pricing() {
                return Pricing.PAY_BID;
            }

            @Override
            public void run(long[] bids, int n, int slots, long reserve, AuctionOutcome out) {
                out.clear();
            }
        };
        Distribution balance = new Distribution.Fixed(7);
        SpeedSettings honest = SpeedSettings.honest(bidding, auction, balance);
        assertEquals(new SpeedSettings(bidding, auction, new SlotAllocation.BidsFirst(), 0, balance, false, false),
                honest);
        assertThrows(IllegalArgumentException.class, () -> honest.withReserve(-1));
        assertThrows(NullPointerException.class,
                () -> new SpeedSettings(null, auction, new SlotAllocation.BidsFirst(), 0, balance, false, false));
        assertThrows(NullPointerException.class,
                () -> new SpeedSettings(bidding, null, new SlotAllocation.BidsFirst(), 0, balance, false, false));
        assertThrows(NullPointerException.class,
                () -> new SpeedSettings(bidding, auction, null, 0, balance, false, false));
        assertThrows(NullPointerException.class,
                () -> new SpeedSettings(bidding, auction, new SlotAllocation.BidsFirst(), 0, null, false, false));
        assertEquals(9, honest.withReserve(9).reservePriceNanoPerKiB());
        SlotAllocation weighted = new SlotAllocation.Weighted(0.3);
        assertSame(weighted, honest.withAllocation(weighted).allocation());
        assertTrue(honest.withNonPayer(true).nonPayer());
        assertFalse(honest.withNonPayer(true).badData());
        assertTrue(honest.withBadData(true).badData());
        BiddingStrategy.Factory other = (peer, rng) -> ctx -> 5;
        assertSame(other, honest.withBidding(other).bidding());
        assertInstanceOf(AuctionChoker.class, honest.chokerFactory().create(4));
        SpeedSettings roundRobin = honest.withSeedPolicy(org.speedsim.engine.swarm.SeedPolicy.ROUND_ROBIN);
        assertEquals(org.speedsim.engine.swarm.SeedPolicy.ROUND_ROBIN, roundRobin.seedPolicy());
        assertEquals(honest.bidding(), roundRobin.bidding());
        assertEquals(9, roundRobin.withReserve(9).reservePriceNanoPerKiB());
    }
}
