package org.speedsim.strategies.seeding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.SeedingBehaviour;
import org.speedsim.engine.swarm.SeedingBehaviour.Decision;

/** The earnings-aware seed against scripted earnings: stays exactly while the trailing-window rate covers its price. */
class EarningsAwareSeedingTest {

    static final long S = 1_000_000L;

    /** A context whose peer earned {@code perSecond} micro-BTT every whole second from time 0 on. */
    record Steady(long now, long completedAt, long perSecond) implements SeedingBehaviour.SeedingContext {
        public int peer() {
            return 0;
        }

        public long bytesUploaded() {
            return 0;
        }

        public long tokensEarned() {
            return perSecond * (now / S);
        }

        public long tokensEarnedSince(long since) {
            return tokensEarned() - perSecond * (Math.max(0, since) / S);
        }
    }

    @Test
    void firstDecisionWaitsForAFullWindow() {
        EarningsAwareSeeding m = new EarningsAwareSeeding(100, 600 * S, 60 * S, 300 * S);
        assertEquals(Decision.reconsiderAfter(600 * S), m.decide(new Steady(1000 * S, 1000 * S, 0)));
        assertEquals(Decision.reconsiderAfter(400 * S), m.decide(new Steady(1200 * S, 1000 * S, 0)));
        assertEquals(Decision.leaveAfter(0), m.decide(new Steady(1600 * S, 1000 * S, 0)));
    }

    @Test
    void firstDecisionWaitsForTheMinimumSeedingTimeWhenLonger() {
        EarningsAwareSeeding m = new EarningsAwareSeeding(100, 600 * S, 60 * S, 900 * S);
        assertEquals(Decision.reconsiderAfter(900 * S), m.decide(new Steady(1000 * S, 1000 * S, 0)));
        assertEquals(Decision.reconsiderAfter(300 * S), m.decide(new Steady(1600 * S, 1000 * S, 0)));
        assertEquals(Decision.leaveAfter(0), m.decide(new Steady(1900 * S, 1000 * S, 0)));
    }

    @Test
    void staysExactlyWhileTheRateCoversTheReservation() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int t = 0; t < 1000; t++) {
            long reservation = rnd.nextLong(500);
            long rate = rnd.nextLong(500);
            long window = (1 + rnd.nextLong(1200)) * S;
            EarningsAwareSeeding m = new EarningsAwareSeeding(reservation, window, 60 * S, 0);
            long now = window + 60 * S + rnd.nextLong(3600) * S;
            Decision d = m.decide(new Steady(now, 0, rate));
            boolean stay = rate >= reservation;
            assertEquals(stay ? Decision.reconsiderAfter(60 * S) : Decision.leaveAfter(0), d,
                    "reservation " + reservation + " rate " + rate);
        }
    }

    @Test
    void factoryDrawsTheReservationFromTheBehaviourStream() {
        SeedingBehaviour.Factory f = EarningsAwareSeeding.factory(new Distribution.Uniform(10, 20), 60 * S, S, 0);
        for (int p = 0; p < 50; p++) {
            EarningsAwareSeeding a = (EarningsAwareSeeding) f.create(p, new SplittableRandom(p));
            EarningsAwareSeeding b = (EarningsAwareSeeding) f.create(p, new SplittableRandom(p));
            assertEquals(a.reservationMicroBttPerSecond(), b.reservationMicroBttPerSecond());
            assertTrue(a.reservationMicroBttPerSecond() >= 10 && a.reservationMicroBttPerSecond() < 20);
        }
    }
}
