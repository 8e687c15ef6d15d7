/**
 * The reference BitTorrent strategies the engine's defaults and tests use: rarest-first and random piece picking,
 * the mainline tit-for-tat choker, and the classic seeding-time models. Each implements an interface of
 * {@link org.speedsim.engine.swarm} and sees the swarm only through the engine's views.
 *
 * <p>Invariants: a strategy draws randomness only from the stream its view hands it (so same seed, same choices),
 * keeps no view between calls, and allocates nothing per pick or round once its scratch arrays have grown.
 */
package org.speedsim.engine.bt;
