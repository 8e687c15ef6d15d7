package org.speedsim.engine.swarm;

/**
 * One peer's life in a run. Times are microseconds; -1 means "did not happen before the run ended".
 *
 * @param duplicateBytes      bytes this peer downloaded that it already had or got twice (end game only)
 * @param tokensEarned        micro-BTT of payments this peer accepted as a provider (signed states it holds or held)
 * @param tokensEarnedSettled micro-BTT of those the ledger paid out to it by channel closes before the run ended
 * @param messageBytes        bytes of encoded extension messages (BitTorrent Speed) this peer sent
 */
public record PeerRecord(int peer, String peerClass, String client, boolean initialSeed, long arrivalMicros,
                         long completionMicros, long departureMicros, double uploadBytesPerSecond,
                         double downloadBytesPerSecond, long bytesUp, long bytesDown, long duplicateBytes,
                         long tokensSpent, long tokensEarned, long tokensEarnedSettled,
                         long messageBytes) {
}
