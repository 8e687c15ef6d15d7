package org.speedsim.engine.speed;

import java.util.Objects;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.SignatureMode;

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
 */
public record SpeedConfig(LedgerConfig ledger, int escrowPieces, long paymentTimeoutMicros, int failuresBeforeBan,
                          long banMicros, long closeMarginMicros, boolean encodeMessages,
                          boolean checkEveryOperation) {

    /**
     * Default ledger, 4-piece escrow, 30 s payment timeout, ban after 3 failures for 10 min, 5 min close margin. The
     * escrow is small on purpose: escrow locked in channels to providers that stopped serving is not spendable until
     * they close, so large escrows starve a requester's later channels (in a 1000-peer flash crowd, 16-piece escrows
     * left six times as many pieces unpaid as 4-piece ones).
     */
    public static final SpeedConfig DEFAULT =
            new SpeedConfig(LedgerConfig.DEFAULT, 4, 30_000_000L, 3, 600_000_000L, 300_000_000L, true, false);

    public SpeedConfig {
        Objects.requireNonNull(ledger, "ledger");
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
                closeMarginMicros, encodeMessages, checkEveryOperation);
    }

    public SpeedConfig withChecks(boolean on) {
        return new SpeedConfig(ledger, escrowPieces, paymentTimeoutMicros, failuresBeforeBan, banMicros,
                closeMarginMicros, encodeMessages, on);
    }

    public SpeedConfig withEncoding(boolean on) {
        return new SpeedConfig(ledger, escrowPieces, paymentTimeoutMicros, failuresBeforeBan, banMicros,
                closeMarginMicros, on, checkEveryOperation);
    }
}
