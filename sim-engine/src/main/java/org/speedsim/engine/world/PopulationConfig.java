package org.speedsim.engine.world;

import java.util.List;
import java.util.Objects;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.PeerClass;

/**
 * How a world's users are drawn and behave. Each user has a bandwidth class (drawn by the classes' shares, then its
 * capacities from the class's distributions), a client (by the clients' shares), one airdrop at its first arrival,
 * and alternating online and offline sessions from its first arrival on. While online it requests torrents as a
 * Poisson process of rate {@code requestsPerSecond}, each with a patience drawn from {@code patienceMicros}.
 *
 * @param users             number of persistent identities
 * @param classes           bandwidth classes; shares sum to 1
 * @param clients           clients by name; shares sum to 1
 * @param firstArrivalMicros time of each user's first arrival
 * @param onlineMicros      duration of each online session
 * @param offlineMicros     duration of each offline period; null for users who never come back
 * @param requestsPerSecond request rate of an online user; 0 for none
 * @param patienceMicros    how long a request may go without progress before the user gives up on it
 * @param airdropMicroBtt   the one airdrop each user's wallet gets at its first arrival
 */
public record PopulationConfig(int users, List<PeerClass> classes, List<ClientShare> clients,
                               Distribution firstArrivalMicros, Distribution onlineMicros,
                               Distribution offlineMicros, double requestsPerSecond, Distribution patienceMicros,
                               Distribution airdropMicroBtt) {

    /** More users than this is refused before any work starts (user ids are ints, session keys need 32 bits). */
    public static final int MAX_USERS = 100_000_000;

    public PopulationConfig {
        classes = List.copyOf(classes);
        clients = List.copyOf(clients);
        Objects.requireNonNull(firstArrivalMicros, "users first arrival");
        Objects.requireNonNull(onlineMicros, "users online duration");
        Objects.requireNonNull(patienceMicros, "users patience");
        Objects.requireNonNull(airdropMicroBtt, "users airdrop");
        if (users < 0 || users > MAX_USERS) {
            throw new IllegalArgumentException("users must be in [0, " + MAX_USERS + "]: " + users);
        }
        requireShares("bandwidth class", classes.stream().mapToDouble(PeerClass::share).sum(), classes.size());
        requireShares("client", clients.stream().mapToDouble(ClientShare::share).sum(), clients.size());
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("users request rate must be a finite number >= 0: "
                    + requestsPerSecond);
        }
    }

    /** Whether users come back after going offline. */
    public boolean returns() {
        return offlineMicros != null;
    }

    /** The long-run fraction of time a returning user is online: E[on] / (E[on] + E[off]). */
    public double onlineFraction() {
        return offlineMicros == null ? 0 : onlineMicros.mean() / (onlineMicros.mean() + offlineMicros.mean());
    }

    /** The same population with another client mix: the users, their sessions and their demand stay the same. */
    public PopulationConfig withClients(List<ClientShare> newClients) {
        return new PopulationConfig(users, classes, newClients, firstArrivalMicros, onlineMicros, offlineMicros,
                requestsPerSecond, patienceMicros, airdropMicroBtt);
    }

    private static void requireShares(String what, double sum, int n) {
        if (n == 0) {
            throw new IllegalArgumentException("users need at least one " + what);
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new IllegalArgumentException(what + " shares must sum to 1: " + sum);
        }
    }
}
