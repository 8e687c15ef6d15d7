package org.speedsim.engine.swarm;

import java.util.Objects;

/**
 * A class of peers sharing a bandwidth profile (for example "dsl": 1 Mbit/s up, 8 Mbit/s down). Capacities are in
 * bytes per second and drawn once per peer from the {@code bandwidth} stream of that peer.
 *
 * @param share fraction of arriving leechers in this class; the shares of a swarm sum to 1
 */
public record PeerClass(String name, double share, Distribution uploadBytesPerSecond,
                        Distribution downloadBytesPerSecond) {
    public PeerClass {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uploadBytesPerSecond, "upload");
        Objects.requireNonNull(downloadBytesPerSecond, "download");
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in [0, 1]: " + share);
        }
    }
}
