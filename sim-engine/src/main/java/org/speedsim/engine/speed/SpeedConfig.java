package org.speedsim.engine.speed;

import java.util.Objects;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.swarm.Distribution;

/**
 * Swarm-wide parameters of BitTorrent Speed: the ledger and the payment rules every Speed peer follows.
 *
 * @param ledger                 ledger latency, throughput, channel lifetime and signature mode
 * @param escrowPieces           a new channel escrows the price of this many pieces (at least the amount owed), >= 1
 * @param paymentTimeoutMicros   a requester that has not paid for a piece this long after receiving it is choked
 * @param failuresBeforeBan      payment timeouts after which the provider bans the requester instead, >= 1
 * @param banMicros              how long a ban lasts (payment failures, and bad data seen by a requester)
 * @param closeMarginMicros      a provider closes a channel it holds this long before the channel's timeout; a payer
 *                               stops using a channel twice as long before, so no payment goes to a closing channel
 * @param encodeMessages         encode every Speed message with the real codec (else count sizes only; same bytes)
 * @param checkEveryOperation    check the ledger invariants after every ledger operation (slow; for tests)
 * @param messageLatencyMicros   one-way latency of bid, bid-response and payment messages, microseconds, drawn once
 *                               per pair of peers from the stream ({@code speed-latency}, pair); {@code Fixed(0)}
 *                               delivers every message at the instant it is sent
 */
public record SpeedConfig(LedgerConfig ledger, int escrowPieces, long paymentTimeoutMicros, int failuresBeforeBan,
                          long banMicros, long closeMarginMicros, boolean encodeMessages,
                          boolean checkEveryOperation, Distribution messageLatencyMicros) {

    /**
     * The default one-way latency: log-normal with a median of 40 ms and sigma 0.6 (mean 48 ms, 95th percentile
     * 107 ms, 99th 162 ms). Half the round-trip times measured between Internet end hosts, whose median is near 80 ms
     * (King, Gummadi et al. 2002; BitTorrent peers are mostly home hosts on several continents), with the long right
     * tail of intercontinental pairs.
     */
    public static final Distribution DEFAULT_MESSAGE_LATENCY = new Distribution.LogNormal(40_000, 0.6);

    /** Messages delivered at the instant they are sent. */
    public static final Distribution INSTANT = new Distribution.Fixed(0);

    /**
     * Default ledger, 4-piece escrow, 30 s payment timeout, ban after 3 failures for 10 min, 5 min close margin. The
     * escrow is small on purpose: escrow locked in channels to providers that stopped serving is not spendable until
     * they close, so large escrows starve a requester's later channels (in a 1000-peer flash crowd, 16-piece escrows
     * left six times as many pieces unpaid as 4-piece ones).
     */
    public static final SpeedConfig DEFAULT =
            new SpeedConfig(LedgerConfig.DEFAULT, 4, 30_000_000L, 3, 600_000_000L, 300_000_000L, true, false);

    /** The same parameters with the default message latency. */
    public SpeedConfig(LedgerConfig ledger, int escrowPieces, long paymentTimeoutMicros, int failuresBeforeBan,
                       long banMicros, long closeMarginMicros, boolean encodeMessages, boolean checkEveryOperation) {
        this(ledger, escrowPieces, paymentTimeoutMicros, failuresBeforeBan, banMicros, closeMarginMicros,
                encodeMessages, checkEveryOperation, DEFAULT_MESSAGE_LATENCY);
    }

    public SpeedConfig {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(messageLatencyMicros, "messageLatencyMicros");
        if (escrowPieces < 1 || failuresBeforeBan < 1) {
            throw new IllegalArgumentException("escrowPieces and failuresBeforeBan must be >= 1");
        }
        if (paymentTimeoutMicros <= 0 || banMicros <= 0 || closeMarginMicros < 0) {
            throw new IllegalArgumentException("need payment timeout > 0, ban > 0, close margin >= 0");
        }
        if (2 * closeMarginMicros >= ledger.channelTimeoutMicros()) {
            throw new IllegalArgumentException("twice the close margin must be below the channel timeout");
        }
    }

    public SignatureMode signatureMode() {
        return ledger.signatureMode();
    }

    public SpeedConfig withLedger(LedgerConfig l) {
        return new SpeedConfig(l, escrowPieces, paymentTimeoutMicros, failuresBeforeBan, banMicros,
                closeMarginMicros, encodeMessages, checkEveryOperation, messageLatencyMicros);
    }

    public SpeedConfig withChecks(boolean on) {
        return new SpeedConfig(ledger, escrowPieces, paymentTimeoutMicros, failuresBeforeBan, banMicros,
                closeMarginMicros, encodeMessages, on, messageLatencyMicros);
    }

    public SpeedConfig withEncoding(boolean on) {
        return new SpeedConfig(ledger, escrowPieces, paymentTimeoutMicros, failuresBeforeBan, banMicros,
                closeMarginMicros, on, checkEveryOperation, messageLatencyMicros);
    }

    public SpeedConfig withMessageLatency(Distribution latencyMicros) {
        return new SpeedConfig(ledger, escrowPieces, paymentTimeoutMicros, failuresBeforeBan, banMicros,
                closeMarginMicros, encodeMessages, checkEveryOperation, latencyMicros);
    }
}
