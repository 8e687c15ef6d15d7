/**
 * Seeding behaviours (how long a peer seeds after completing): the classic time models of {@link
 * org.speedsim.strategies.seeding.Seeding} and BitTorrent Speed's earnings-aware seed. Each draws only from the
 * peer's behaviour stream.
 */
package org.speedsim.strategies.seeding;
