package org.speedsim.engine.swarm;

import java.util.Arrays;

/**
 * How leechers arrive. Arrival times are drawn from the swarm's {@code arrivals} stream alone, so they are the same
 * whatever strategies the peers use.
 */
public sealed interface ArrivalProcess {

    /** No arrivals besides the initial seeds and timed actions. */
    record None() implements ArrivalProcess {
    }

    /** Homogeneous Poisson arrivals at {@code ratePerSecond} from {@code startMicros} until {@code endMicros}. */
    record Poisson(double ratePerSecond, long startMicros, long endMicros) implements ArrivalProcess {
        public Poisson {
            if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
                throw new IllegalArgumentException("rate must be > 0: " + ratePerSecond);
            }
            if (startMicros < 0 || endMicros < startMicros) {
                throw new IllegalArgumentException("need 0 <= start <= end");
            }
        }
    }

    /**
     * A flash crowd of exactly {@code peers} arrivals whose rate decays exponentially with mean
     * {@code decayMicros} from {@code startMicros}: rate(t) = peers / decay * exp(-(t - start) / decay). Given the
     * count, such arrival times are independent exponential draws, which is how they are generated.
     */
    record FlashCrowd(int peers, long decayMicros, long startMicros) implements ArrivalProcess {
        public FlashCrowd {
            if (peers < 0 || decayMicros <= 0 || startMicros < 0) {
                throw new IllegalArgumentException("flash crowd needs peers >= 0, decay > 0, start >= 0");
            }
        }
    }

    /** Arrivals at exactly these times (microseconds, any order). */
    record Explicit(long[] timesMicros) implements ArrivalProcess {
        public Explicit {
            timesMicros = timesMicros.clone();
            Arrays.sort(timesMicros);
            if (timesMicros.length > 0 && timesMicros[0] < 0) {
                throw new IllegalArgumentException("arrival times must be >= 0");
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Explicit e && Arrays.equals(timesMicros, e.timesMicros);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(timesMicros);
        }

        @Override
        public String toString() {
            return "Explicit" + Arrays.toString(timesMicros);
        }
    }
}
