package org.speedsim.engine.world;

/**
 * What happened to one persistent user of a world, over all its sessions and swarms. Token amounts are micro-BTT;
 * earned and spent count payments accepted by the provider (as in a swarm run), whatever swarm they were made in.
 *
 * @param airdropUbtt       what its wallet received at its first arrival (0 for a legacy client, which has none)
 * @param finalBalanceUbtt  its spendable balance at the end (escrow locked in open channels not included)
 * @param onlineMicros      time online over all sessions
 * @param seedingMicros     time spent seeding, summed over torrents (two torrents seeded for an hour: two hours)
 * @param torrentsSeeded    distinct torrents it seeded at some point (as a completer or from its library)
 * @param sessions          online sessions started
 */
public record UserRecord(int id, String peerClass, String client, double uploadBytesPerSecond,
                         double downloadBytesPerSecond, long airdropUbtt, long finalBalanceUbtt, long earnedUbtt,
                         long spentUbtt, long uploadedBytes, long downloadedBytes, long onlineMicros,
                         long seedingMicros, int torrentsSeeded, int sessions, int libraryTorrents) {
}
