package org.speedsim.engine.swarm.internal;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.swarm.ArrivalProcess;

/**
 * Turns an {@link ArrivalProcess} into the sorted arrival times of a run, drawn from the swarm's {@code arrivals}
 * stream only, so every strategy compared on one seed sees the same arrivals.
 */
final class ArrivalSchedule {

    private ArrivalSchedule() {
    }

    static long[] times(ArrivalProcess process, RandomStreams streams, long horizonMicros) {
        RandomGenerator rng = streams.stream("arrivals");
        if (process instanceof ArrivalProcess.None) {
            return new long[0];
        }
        if (process instanceof ArrivalProcess.Explicit e) {
            return Arrays.stream(e.timesMicros()).filter(t -> t <= horizonMicros).toArray();
        }
        if (process instanceof ArrivalProcess.FlashCrowd f) {
            long[] t = new long[f.peers()];
            for (int i = 0; i < t.length; i++) {
                double x = -f.decayMicros() * Math.log1p(-rng.nextDouble());
                t[i] = f.startMicros() + (long) Math.floor(x);
            }
            Arrays.sort(t);
            return Arrays.stream(t).filter(x -> x <= horizonMicros).toArray();
        }
        ArrivalProcess.Poisson poisson = (ArrivalProcess.Poisson) process;
        long end = Math.min(poisson.endMicros(), horizonMicros);
        double meanGap = 1e6 / poisson.ratePerSecond();
        long[] t = new long[16];
        int n = 0;
        double now = poisson.startMicros();
        while (true) {
            now += -meanGap * Math.log1p(-rng.nextDouble());
            if (now > end) {
                break;
            }
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
            }
            t[n++] = (long) Math.floor(now);
        }
        return Arrays.copyOf(t, n);
    }
}
