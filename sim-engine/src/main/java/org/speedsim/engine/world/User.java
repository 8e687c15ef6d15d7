package org.speedsim.engine.world;

/**
 * A persistent user's identity: what stays the same across its sessions and whatever swarms it joins. It holds no
 * per-swarm state; a user's library is in {@link Library} and its sessions in {@link DemandDriver}.
 *
 * @param id                  the user's identity; its random streams are keyed by it
 * @param bandwidthClass      index of its class in {@link PopulationConfig#classes()}
 * @param client              index of its client in {@link PopulationConfig#clients()}
 * @param clientName          the client's name
 * @param airdropMicroBtt     the one airdrop its wallet gets at its first arrival
 * @param firstArrivalMicros  when it first comes online
 */
public record User(int id, int bandwidthClass, int client, String clientName, double uploadBytesPerSecond,
                   double downloadBytesPerSecond, long airdropMicroBtt, long firstArrivalMicros) {
}
