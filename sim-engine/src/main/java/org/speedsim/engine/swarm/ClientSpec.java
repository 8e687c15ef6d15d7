package org.speedsim.engine.swarm;

import java.util.Objects;
import org.speedsim.engine.speed.SpeedSettings;

/**
 * A client type: what software a share of the peers runs and how it behaves. {@code speed} marks clients that speak
 * the BitTorrent Speed extension; legacy clients ignore bids. A Speed client run with the Speed extension also needs
 * its {@code speedSettings} (bidding, auction, balances, adversary flags); a legacy client has none.
 *
 * @param share         fraction of arriving leechers running this client; the shares of a swarm sum to 1
 * @param speedSettings the Speed behaviour of this client, or null (required null when {@code speed} is false)
 */
public record ClientSpec(String name, double share, boolean speed, ChokingPolicy.Factory choking,
                         PiecePicker.Factory picking, SeedingBehaviour.Factory seeding, SpeedSettings speedSettings) {
    public ClientSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(choking, "choking");
        Objects.requireNonNull(picking, "picking");
        Objects.requireNonNull(seeding, "seeding");
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1]: " + share);
        }
        if (speedSettings != null && !speed) {
            throw new IllegalArgumentException("client " + name + " has Speed settings but is not a Speed client");
        }
    }

    /** A client without Speed settings (legacy, or a Speed client configured elsewhere). */
    public ClientSpec(String name, double share, boolean speed, ChokingPolicy.Factory choking,
                      PiecePicker.Factory picking, SeedingBehaviour.Factory seeding) {
        this(name, share, speed, choking, picking, seeding, null);
    }

    /** A Speed client whose choker is the auction choker of {@code settings}. */
    public static ClientSpec speedClient(String name, double share, PiecePicker.Factory picking,
                                         SeedingBehaviour.Factory seeding, SpeedSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return new ClientSpec(name, share, true, settings.chokerFactory(), picking, seeding, settings);
    }
}
