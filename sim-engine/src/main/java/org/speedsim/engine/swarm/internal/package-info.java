/**
 * The swarm engine, not an API: {@link org.speedsim.engine.swarm.internal.SwarmEngine} is the hot core (arrivals
 * and departures, connections, transfers, piece gain and the HAVE broadcast, choking), its state the primitive
 * arrays of {@code SwarmState}; the cold parts are package-private classes of one job each (sampling, summary and
 * peer records, death detection, invariant checks, the extensions' control, the seeding context, progress).
 * Only {@link org.speedsim.engine.swarm.Swarm} constructs the engine.
 *
 * <p>Invariants (checked by {@code InvariantChecks}): a leecher's availability count of each piece it lacks equals
 * the number of its neighbours holding it; a peer's piece row flags exactly the pieces of its bit set; a direction
 * is in its uploader's and its downloader's unchoked sets exactly while it is unchoked; the global copy count of a
 * piece equals the online peers holding it; a piece is "downloading" at a peer exactly while some transfer of it to
 * that peer is in flight; bytes uploaded equal bytes downloaded. Hot paths allocate nothing per event; the cold
 * parts only read the state, so sampling or tracing never changes a run.
 */
package org.speedsim.engine.swarm.internal;
