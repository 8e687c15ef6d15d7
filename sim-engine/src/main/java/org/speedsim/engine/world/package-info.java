/**
 * The swarm-independent part of a world (DESIGN.md section 10): the catalogue of torrents, the persistent users,
 * their libraries, and the time-ordered stream of world events that drives a multi-swarm run.
 *
 * <p>Wiring: {@code World.generate(config, streams)} draws the {@link org.speedsim.engine.world.Catalogue} (Poisson
 * releases, sizes, Zipf ranks, publisher residences) and the {@link org.speedsim.engine.world.Population} (class,
 * bandwidth, client, airdrop, first arrival); a {@link org.speedsim.engine.world.DemandDriver} registers its event
 * kinds on the run's {@link org.speedsim.engine.kernel.Simulator} and reports releases, publisher departures,
 * sessions and requests to a {@link org.speedsim.engine.world.WorldEvents} listener, which is where the multi-swarm
 * runtime will create and end swarm state. Completions go back into the {@link org.speedsim.engine.world.Library}.
 *
 * <p>Every random number comes from a stream keyed by torrent or by user (and session), never by creation order
 * and never by client, so variants that change the client mix see the same users, catalogue and demand.
 */
package org.speedsim.engine.world;
