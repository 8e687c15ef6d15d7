package org.speedsim.engine.world;

/**
 * What happens in a world independently of any swarm, in time order, as {@link DemandDriver} produces it. The
 * multi-swarm runtime listens to it to create and end swarm state; arguments are primitives so that notifying
 * allocates nothing. Called from inside the simulator's event handlers, at the event's time ({@code now}).
 */
public interface WorldEvents {

    /** A torrent becomes available with its publisher online (initial torrents: at the start of the world). */
    void torrentReleased(long now, int torrent);

    /** The torrent's publisher (origin seed) leaves for good. */
    void publisherLeft(long now, int torrent);

    /** A user comes online; {@code firstArrival} marks the one arrival that brings its airdrop. */
    void userOnline(long now, int user, boolean firstArrival);

    /** A user goes offline; it keeps its library and nothing else. */
    void userOffline(long now, int user);

    /**
     * An online user asks for a torrent it does not hold, and gives up after {@code patienceMicros} without
     * progress. The torrent may be one the user is still downloading: whether that joins, restarts or is ignored is
     * the runtime's decision, so that demand stays the same whatever happens in swarms.
     */
    void requested(long now, int user, int torrent, long patienceMicros);
}
