package org.speedsim.engine.swarm;

/**
 * What a hosted swarm (one of the many swarms of a world, sharing its simulator and network) tells the runtime that
 * hosts it, besides what its {@link SwarmExtension}s see. Called inside the swarm's event handlers.
 */
public interface SwarmHost {

    /**
     * The peers online in the swarm now hold every piece between them ({@code available}), or no longer do. Called at
     * each change, and not when a swarm starts without every piece.
     */
    void availabilityChanged(long now, boolean available);
}
