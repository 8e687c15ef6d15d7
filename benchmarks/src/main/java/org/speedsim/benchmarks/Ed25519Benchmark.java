package org.speedsim.benchmarks;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.speedsim.engine.ledger.AccountingScheme;
import org.speedsim.engine.ledger.Ed25519Scheme;

/**
 * Cost of paying for one piece: the payer signs a channel state and the payee verifies it, with real Ed25519 and, for
 * comparison, with the accounting tag. Sample-time mode, so JMH reports the median (p0.50) as well as the mean.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar Ed25519 -f 2 -wi 3 -i 5}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(time = 1)
@Measurement(time = 1)
@State(Scope.Thread)
public class Ed25519Benchmark {

    private Ed25519Scheme ed25519;
    private AccountingScheme accounting;
    private byte[] fixedSignature;
    private long sequence;

    @Setup
    public void setUp() {
        ed25519 = new Ed25519Scheme(new SplittableRandom(1));
        accounting = new AccountingScheme(new SplittableRandom(1));
        for (int a = 0; a < 2; a++) {
            ed25519.addAccount(a);
            accounting.addAccount(a);
        }
        fixedSignature = ed25519.sign(0, 17, 1, 250_000);
    }

    /** One channel state signed by the payer and verified by the payee. */
    @Benchmark
    public boolean signAndVerify() {
        long seq = ++sequence;
        byte[] sig = ed25519.sign(0, 17, seq, seq * 1_000);
        return ed25519.verify(0, 17, seq, seq * 1_000, sig);
    }

    @Benchmark
    public byte[] sign() {
        long seq = ++sequence;
        return ed25519.sign(0, 17, seq, seq * 1_000);
    }

    @Benchmark
    public boolean verify() {
        return ed25519.verify(0, 17, 1, 250_000, fixedSignature);
    }

    /** The same step in accounting mode. */
    @Benchmark
    public boolean accountingSignAndVerify() {
        long seq = ++sequence;
        byte[] sig = accounting.sign(0, 17, seq, seq * 1_000);
        return accounting.verify(0, 17, seq, seq * 1_000, sig);
    }
}
