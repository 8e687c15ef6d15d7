/**
 * The multi-swarm runtime of a world (DESIGN.md section 10): {@link org.speedsim.engine.world.runtime.WorldRun} turns
 * the world's releases, sessions and requests into membership of hosted swarm engines that share one simulator, one
 * max-min network ({@code SharedNetwork}: one node per user, one per publisher; each swarm sees it through its own
 * {@code SwarmLinks}) and one ledger ({@code WorldBank}: one wallet per user, the airdrop granted at the first arrival
 * from a treasury minted once).
 *
 * <p>Invariants: a user's flows in all its swarms share its one uplink and downlink; the token supply is the genesis
 * mint for the whole run; a swarm exists exactly while some peer is online in it, and a user that is offline has no
 * peer in any swarm.
 */
package org.speedsim.engine.world.runtime;
