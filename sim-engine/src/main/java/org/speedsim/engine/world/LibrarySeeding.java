package org.speedsim.engine.world;

/**
 * How users seed the torrents of their library (completed torrents kept on disk) across swarms.
 *
 * <p>A user seeds at most {@code maxAtOnce} torrents at the same time, counting the torrents it has just completed
 * and still seeds. A legacy user, on coming online, re-seeds its most recently completed torrents up to that limit,
 * each for a time its client's seeding model draws. A Speed user seeds what earns: every {@code reviewMicros} it
 * stops seeding a torrent that earned it nothing since its last review and has no leecher online, and on coming
 * online and at each review it fills its free places with the library torrents whose live swarms have the most
 * leechers per seed (the tracker's scrape; torrents without a leecher are not seeded). Its client's seeding model
 * still decides when it leaves a swarm.
 *
 * @param maxAtOnce    most torrents one user seeds at the same time, >= 0 (0: nobody re-seeds its library)
 * @param reviewMicros how often a Speed user reconsiders what it seeds, > 0
 */
public record LibrarySeeding(int maxAtOnce, long reviewMicros) {

    /** Five torrents at once, reviewed every 30 minutes. */
    public static final LibrarySeeding DEFAULT = new LibrarySeeding(5, 1_800_000_000L);

    public LibrarySeeding {
        if (maxAtOnce < 0) {
            throw new IllegalArgumentException("library seeding: at most torrents at once must be >= 0: " + maxAtOnce);
        }
        if (reviewMicros <= 0) {
            throw new IllegalArgumentException("library seeding: review interval must be > 0 microseconds: "
                    + reviewMicros);
        }
    }
}
