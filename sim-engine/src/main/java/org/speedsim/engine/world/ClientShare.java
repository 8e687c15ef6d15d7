package org.speedsim.engine.world;

import java.util.Objects;

/**
 * A client that a share of a world's users run, by name (for example "legacy" or "speed"); the runtime maps the
 * name to the client's behaviour. The world model only needs the name to give each user one.
 */
public record ClientShare(String name, double share) {
    public ClientShare {
        Objects.requireNonNull(name, "client name");
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("client " + name + ": share must be in [0, 1]: " + share);
        }
    }
}
