/**
 * The public face of the swarm simulation, what scenarios, strategies and the CLI use: the run's description
 * ({@link org.speedsim.engine.swarm.SwarmConfig} and its parts: files, peer classes, clients, arrivals, protocol,
 * timed actions), the strategy interfaces ({@link org.speedsim.engine.swarm.PiecePicker},
 * {@link org.speedsim.engine.swarm.ChokingPolicy}, {@link org.speedsim.engine.swarm.SeedingBehaviour}) with the views
 * they see, the extension seam ({@link org.speedsim.engine.swarm.SwarmExtension},
 * {@link org.speedsim.engine.swarm.SwarmControl}), {@link org.speedsim.engine.swarm.Swarm} to run one, and its
 * results ({@link org.speedsim.engine.swarm.RunResult}). The engine itself is in
 * {@link org.speedsim.engine.swarm.internal}.
 *
 * <p>Invariants: configurations are values validated at construction; same configuration and seed give the same
 * result; observing a run (trace, progress) never changes it. Peer ids are dense ints in arrival order; times are
 * long microseconds, sizes bytes.
 */
package org.speedsim.engine.swarm;
