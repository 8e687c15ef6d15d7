/**
 * Random numbers of a run, as named streams keyed by (seed, replication, purpose, entity) in
 * {@link org.speedsim.engine.rng.RandomStreams}.
 *
 * <p>Invariant: a stream depends on its key only, never on the order streams are created in nor on the strategy
 * under test, so two runs that differ only in strategy see the same arrivals, bandwidths and departures.
 */
package org.speedsim.engine.rng;
