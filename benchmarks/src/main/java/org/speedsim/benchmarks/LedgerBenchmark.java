package org.speedsim.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.speedsim.engine.kernel.Simulator;
import org.speedsim.engine.ledger.ChannelPayee;
import org.speedsim.engine.ledger.ChannelPayer;
import org.speedsim.engine.ledger.ChannelState;
import org.speedsim.engine.ledger.Ledger;
import org.speedsim.engine.ledger.LedgerConfig;
import org.speedsim.engine.ledger.LedgerListener;
import org.speedsim.engine.ledger.SignatureMode;

/**
 * Simulator cost of one whole payment channel: open (queued, confirmed), ten piece payments signed by the payer and
 * checked by the payee, close with the last state (queued, confirmed). Run:
 * {@code java -jar benchmarks/target/benchmarks.jar LedgerBenchmark -f 1 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(time = 1)
@Measurement(time = 1)
@State(Scope.Thread)
public class LedgerBenchmark {

    private static final long LATENCY = 1_000_000L;
    private static final long PRICE = 100;
    private static final int PIECES = 10;

    @Param({"ACCOUNTING", "ED25519"})
    public SignatureMode mode;

    private Simulator sim;
    private Ledger ledger;
    private ChannelPayer payer;
    private ChannelPayee payee;
    private ChannelState opened;

    @Setup
    public void setUp() {
        sim = new Simulator();
        ledger = new Ledger(sim, new LedgerConfig(LATENCY, 0, 3_600_000_000L, mode), new SplittableRandom(1));
        ledger.mint(0, Long.MAX_VALUE / 4);
        payer = new ChannelPayer(ledger, 0, 0);
        payee = new ChannelPayee(ledger, 1);
        ledger.addListener(new LedgerListener() {
            @Override
            public void onChannelOpened(int channelId, int from, int to, long escrow, long timeoutAt) {
                ChannelPayer.Payment p = payer.onChannelOpened(channelId);
                opened = ((ChannelPayer.Paid) p).state();
            }

            @Override
            public void onChannelClosed(long txId, int channelId, long toPayee, long toPayer) {
                payer.onChannelEnded(channelId);
                payee.onChannelEnded(channelId);
            }
        });
    }

    @Benchmark
    public long channelOfTenPieces() {
        payer.pay(1, PRICE, PRICE * PIECES);
        sim.runUntil(sim.now() + LATENCY);
        long received = payee.accept(0, opened).increment();
        for (int i = 1; i < PIECES; i++) {
            ChannelState s = ((ChannelPayer.Paid) payer.pay(1, PRICE, PRICE * PIECES)).state();
            received += payee.accept(0, s).increment();
        }
        payee.closeAll();
        sim.runUntil(sim.now() + LATENCY);
        if (received != PRICE * PIECES || ledger.openChannels() != 0) {
            throw new IllegalStateException("channel not settled");
        }
        return received;
    }
}
