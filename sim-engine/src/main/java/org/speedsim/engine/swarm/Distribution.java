package org.speedsim.engine.swarm;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A non-negative random quantity (a bandwidth in bytes per second, a duration in microseconds, an amount of
 * micro-BTT), sampled from a caller's named stream by inversion or a fixed number of draws, so the draw count per
 * sample is known and common random numbers survive a change of parameters.
 *
 * <p>Invariant: {@link #sample} never returns a negative or non-finite value.
 */
public sealed interface Distribution {

    double sample(RandomGenerator rng);

    /** The mean, used for documentation and for theory checks. */
    double mean();

    /** Always the same value. */
    record Fixed(double value) implements Distribution {
        public Fixed {
            requireNonNegative("value", value);
        }

        @Override
        public double sample(RandomGenerator rng) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }
    }

    /** Uniform on [min, max]. */
    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            requireNonNegative("min", min);
            if (!(max >= min)) {
                throw new IllegalArgumentException("max must be >= min: " + max + " < " + min);
            }
        }

        @Override
        public double sample(RandomGenerator rng) {
            return min + (max - min) * rng.nextDouble();
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }
    }

    /** Exponential with the given mean. */
    record Exponential(double mean) implements Distribution {
        public Exponential {
            requirePositive("mean", mean);
        }

        @Override
        public double sample(RandomGenerator rng) {
            return -mean * Math.log1p(-rng.nextDouble());
        }
    }

    /** Log-normal given by its median and the standard deviation of its logarithm. */
    record LogNormal(double median, double sigma) implements Distribution {
        public LogNormal {
            requirePositive("median", median);
            requireNonNegative("sigma", sigma);
        }

        @Override
        public double sample(RandomGenerator rng) {
            double u = rng.nextDouble();
            if (u <= 0) {
                u = Double.MIN_NORMAL;
            }
            double z = Math.sqrt(2) * org.apache.commons.math3.special.Erf.erfInv(2 * u - 1);
            return median * Math.exp(sigma * z);
        }

        @Override
        public double mean() {
            return median * Math.exp(sigma * sigma / 2);
        }
    }

    /** One of a finite set of values, with weights (normalised). */
    record Choice(List<Double> values, List<Double> weights) implements Distribution {
        public Choice {
            values = List.copyOf(values);
            weights = List.copyOf(weights);
            if (values.isEmpty() || values.size() != weights.size()) {
                throw new IllegalArgumentException("choice needs as many weights as values, and at least one");
            }
            for (double v : values) {
                requireNonNegative("value", v);
            }
            double s = 0;
            for (double w : weights) {
                requireNonNegative("weight", w);
                s += w;
            }
            requirePositive("sum of weights", s);
        }

        @Override
        public double sample(RandomGenerator rng) {
            double total = 0;
            for (double w : weights) {
                total += w;
            }
            double u = rng.nextDouble() * total;
            for (int i = 0; i < values.size(); i++) {
                u -= weights.get(i);
                if (u < 0) {
                    return values.get(i);
                }
            }
            return values.get(values.size() - 1);
        }

        @Override
        public double mean() {
            double total = 0;
            double m = 0;
            for (int i = 0; i < values.size(); i++) {
                total += weights.get(i);
                m += weights.get(i) * values.get(i);
            }
            return m / total;
        }
    }

    private static void requireNonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0: " + v);
        }
    }

    private static void requirePositive(String what, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite number > 0: " + v);
        }
    }
}
