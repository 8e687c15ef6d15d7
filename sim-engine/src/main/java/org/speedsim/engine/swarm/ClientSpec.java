package org.speedsim.engine.swarm;

import java.util.Objects;

/**
 * A client type: what software a share of the peers runs and how it behaves. {@code speed} marks clients that speak
 * the BitTorrent Speed extension; legacy clients ignore bids.
 *
 * @param share fraction of arriving leechers running this client; the shares of a swarm sum to 1
 */
public record ClientSpec(String name, double share, boolean speed, ChokingPolicy.Factory choking,
                         PiecePicker.Factory picking, SeedingBehaviour.Factory seeding) {
    public ClientSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(choking, "choking");
        Objects.requireNonNull(picking, "picking");
        Objects.requireNonNull(seeding, "seeding");
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1]: " + share);
        }
    }
}
