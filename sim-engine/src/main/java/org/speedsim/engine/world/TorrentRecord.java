package org.speedsim.engine.world;

/**
 * What happened to one torrent of a world. A torrent is <em>available</em> while the peers online in its swarm hold
 * every piece between them. Times are microseconds of simulated time; -1 where the event never happened.
 *
 * @param decile                popularity decile, 1 for the most popular tenth of the catalogue (by rank)
 * @param availableFromMicros   when it was released into the world (0 for the initial catalogue)
 * @param requests              requests users made for it
 * @param completions           requests that completed
 * @param availableFraction     fraction of the time from {@code availableFromMicros} to the end of the run during
 *                              which it was available (0 if it was never released within the run)
 * @param firstUnavailableMicros first time it stopped being available, -1 if it never did (or was never released)
 * @param lastAvailableMicros    last time it was available (the end of the run if it still is), -1 if never
 * @param swarms                how many times a swarm was created for it (a swarm ends when nobody is online in it)
 * @param uploadedBytes         bytes uploaded in its swarms, publisher included
 */
public record TorrentRecord(int id, long sizeBytes, int pieces, long releaseMicros, long availableFromMicros,
                            int rank, int decile, long requests, long completions, double availableFraction,
                            long firstUnavailableMicros, long lastAvailableMicros, int swarms, long uploadedBytes) {
}
