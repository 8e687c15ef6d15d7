/**
 * Choking policies (who gets an upload slot): the reference tit-for-tat choker. Each implements {@link
 * org.speedsim.engine.swarm.ChokingPolicy}; one instance per peer, deterministic given the peer's choking stream.
 */
package org.speedsim.strategies.choking;
