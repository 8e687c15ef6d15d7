package org.speedsim.engine.ledger;

/**
 * Parameters of the token ledger.
 *
 * @param confirmationLatencyMicros time from a transaction's inclusion until it is applied (>= 0)
 * @param transactionsPerSecond     throughput limit: at most this many transactions are included per second, the rest
 *                                  wait in a FIFO queue; 0 means unlimited
 * @param channelTimeoutMicros      lifetime of a payment channel from its confirmation; at its end the ledger refunds
 *                                  the whole escrow to the payer unless the payee closed the channel first (> 0)
 * @param signatureMode             how channel states are signed and verified
 */
public record LedgerConfig(long confirmationLatencyMicros, double transactionsPerSecond, long channelTimeoutMicros,
                           SignatureMode signatureMode) {

    /** 2 s confirmation, unlimited throughput, 1 h channels, accounting signatures. */
    public static final LedgerConfig DEFAULT =
            new LedgerConfig(2_000_000L, 0.0, 3_600_000_000L, SignatureMode.ACCOUNTING);

    public LedgerConfig {
        if (confirmationLatencyMicros < 0) {
            throw new IllegalArgumentException("confirmation latency must be >= 0: " + confirmationLatencyMicros);
        }
        if (!(transactionsPerSecond >= 0) || Double.isInfinite(transactionsPerSecond)) {
            throw new IllegalArgumentException("transactions per second must be finite and >= 0 (0 = unlimited): "
                    + transactionsPerSecond);
        }
        if (channelTimeoutMicros <= 0) {
            throw new IllegalArgumentException("channel timeout must be > 0: " + channelTimeoutMicros);
        }
        if (signatureMode == null) {
            throw new IllegalArgumentException("signature mode is required");
        }
    }

    /**
     * Minimum spacing of two inclusions in microseconds: {@code round(1e6 / transactionsPerSecond)}, at least 1;
     * 0 when throughput is unlimited.
     */
    public long inclusionIntervalMicros() {
        if (transactionsPerSecond == 0) {
            return 0;
        }
        return Math.max(1L, Math.round(1_000_000.0 / transactionsPerSecond));
    }

    public LedgerConfig withSignatureMode(SignatureMode mode) {
        return new LedgerConfig(confirmationLatencyMicros, transactionsPerSecond, channelTimeoutMicros, mode);
    }
}
