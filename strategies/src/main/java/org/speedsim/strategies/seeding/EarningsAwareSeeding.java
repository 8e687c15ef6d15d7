package org.speedsim.strategies.seeding;

import java.util.Objects;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.SeedingBehaviour;

/**
 * The earnings-aware seed of BitTorrent Speed: it keeps seeding while its token earning rate covers its reservation
 * price. The rate is the micro-BTT earned over the last {@code window} divided by the window; the reservation price
 * (micro-BTT per second) is drawn once per peer from its {@code behaviour} stream. A new seed always stays for one
 * full window, or for {@code minSeed} if that is longer (it has no full window of evidence before): its first
 * decision is at {@code completion + max(window, minSeed)}; from then on it decides every {@code reconsider}: it stays
 * while {@code earned(window) >= reservation * window}, and leaves at once when not. A reservation of 0 never leaves.
 * A seed that earns nothing (a legacy peer with this model, or a Speed seed no one pays) therefore leaves exactly
 * {@code max(window, minSeed)} after completing.
 */
public final class EarningsAwareSeeding implements SeedingBehaviour {

    private final double reservationMicroBttPerSecond;
    private final long windowMicros;
    private final long reconsiderMicros;
    private final long minSeedMicros;

    /**
     * @param reservationMicroBttPerSecond the lowest earning rate at which this peer keeps seeding, >= 0
     * @param windowMicros                 the window the earning rate is measured over, > 0
     * @param reconsiderMicros             time between two decisions, > 0
     * @param minSeedMicros                least seeding time, >= 0
     */
    public EarningsAwareSeeding(double reservationMicroBttPerSecond, long windowMicros, long reconsiderMicros,
                                long minSeedMicros) {
        if (!(reservationMicroBttPerSecond >= 0) || Double.isInfinite(reservationMicroBttPerSecond)) {
            throw new IllegalArgumentException("reservation price must be finite and >= 0");
        }
        if (windowMicros <= 0 || reconsiderMicros <= 0 || minSeedMicros < 0) {
            throw new IllegalArgumentException("need window > 0, reconsider period > 0, minimum seeding time >= 0");
        }
        this.minSeedMicros = minSeedMicros;
        this.reservationMicroBttPerSecond = reservationMicroBttPerSecond;
        this.windowMicros = windowMicros;
        this.reconsiderMicros = reconsiderMicros;
    }

    /**
     * One model per peer, its reservation price drawn from {@code reservationMicroBttPerSecond} with the peer's
     * behaviour stream (negative draws count as 0).
     */
    public static SeedingBehaviour.Factory factory(Distribution reservationMicroBttPerSecond, long windowMicros,
                                                   long reconsiderMicros, long minSeedMicros) {
        Objects.requireNonNull(reservationMicroBttPerSecond, "reservation");
        new EarningsAwareSeeding(0, windowMicros, reconsiderMicros, minSeedMicros);
        return (peer, rng) -> new EarningsAwareSeeding(Math.max(0, reservationMicroBttPerSecond.sample(rng)),
                windowMicros, reconsiderMicros, minSeedMicros);
    }

    public double reservationMicroBttPerSecond() {
        return reservationMicroBttPerSecond;
    }

    @Override
    public Decision decide(SeedingContext ctx) {
        long seeded = ctx.now() - ctx.completedAt();
        long first = Math.max(minSeedMicros, windowMicros);
        if (seeded < first) {
            return Decision.reconsiderAfter(first - seeded);
        }
        long earned = ctx.tokensEarnedSince(ctx.now() - windowMicros);
        double required = reservationMicroBttPerSecond * (windowMicros / 1e6);
        return earned >= required ? Decision.reconsiderAfter(reconsiderMicros) : Decision.leaveAfter(0);
    }
}
