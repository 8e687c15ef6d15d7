package org.speedsim.engine.swarm;

/**
 * One peer's life in a run. Times are microseconds; -1 means "did not happen before the run ended".
 *
 * @param duplicateBytes bytes this peer downloaded that it already had or got twice (end game only)
 * @param messageBytes   bytes of encoded extension messages (BitTorrent Speed) this peer sent
 */
public record PeerRecord(int peer, String peerClass, String client, boolean initialSeed, long arrivalMicros,
                         long completionMicros, long departureMicros, double uploadBytesPerSecond,
                         double downloadBytesPerSecond, long bytesUp, long bytesDown, long duplicateBytes,
                         long tokensSpent, long tokensEarned, long messageBytes) {
}
