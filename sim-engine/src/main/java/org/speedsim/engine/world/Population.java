package org.speedsim.engine.world;

import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.swarm.PeerClass;

/**
 * The users of one world run, drawn once from a {@link PopulationConfig}, stored as columns (a few numbers per user,
 * whether online or not). Every attribute comes from streams keyed by the user's id: {@code user-class},
 * {@code user-client}, {@code user-bandwidth}, {@code airdrop}, {@code first-arrival}. The class and the client are
 * each chosen by inversion of one uniform over the shares, so a change of the client mix changes only the clients of
 * the users whose uniform falls between the old and new cumulative shares, and nothing else.
 */
public final class Population {

    private final PopulationConfig config;
    private final int[] bandwidthClass;
    private final int[] client;
    private final double[] upload;
    private final double[] download;
    private final long[] airdrop;
    private final long[] firstArrival;

    private Population(PopulationConfig config) {
        this.config = config;
        int n = config.users();
        bandwidthClass = new int[n];
        client = new int[n];
        upload = new double[n];
        download = new double[n];
        airdrop = new long[n];
        firstArrival = new long[n];
    }

    /** Draws every user's identity. */
    public static Population generate(PopulationConfig config, RandomStreams streams) {
        Objects.requireNonNull(config, "config");
        Population population = new Population(config);
        for (int user = 0; user < config.users(); user++) {
            int c = byShare(streams.stream("user-class", user).nextDouble(), config.classes(), PeerClass::share);
            PeerClass cls = config.classes().get(c);
            var bandwidth = streams.stream("user-bandwidth", user);
            population.bandwidthClass[user] = c;
            population.upload[user] = Math.max(1, cls.uploadBytesPerSecond().sample(bandwidth));
            population.download[user] = Math.max(1, cls.downloadBytesPerSecond().sample(bandwidth));
            population.client[user] = byShare(streams.stream("user-client", user).nextDouble(), config.clients(),
                    ClientShare::share);
            population.airdrop[user] = Catalogue.rounded(
                    config.airdropMicroBtt().sample(streams.stream("airdrop", user)));
            population.firstArrival[user] = Catalogue.rounded(
                    config.firstArrivalMicros().sample(streams.stream("first-arrival", user)));
        }
        return population;
    }

    /** Index of the first item whose cumulative share exceeds {@code u}, skipping items of zero share. */
    static <T> int byShare(double u, List<T> items, ToDoubleFunction<T> share) {
        int last = -1;
        for (int i = 0; i < items.size(); i++) {
            double s = share.applyAsDouble(items.get(i));
            if (s <= 0) {
                continue;
            }
            last = i;
            u -= s;
            if (u < 0) {
                return i;
            }
        }
        return last;
    }

    public PopulationConfig config() {
        return config;
    }

    public int size() {
        return client.length;
    }

    public int bandwidthClass(int user) {
        return bandwidthClass[user];
    }

    public int client(int user) {
        return client[user];
    }

    public double uploadBytesPerSecond(int user) {
        return upload[user];
    }

    public double downloadBytesPerSecond(int user) {
        return download[user];
    }

    public long airdropMicroBtt(int user) {
        return airdrop[user];
    }

    public long firstArrivalMicros(int user) {
        return firstArrival[user];
    }

    /** The user's identity as a value (allocates; not for hot paths). */
    public User user(int user) {
        return new User(user, bandwidthClass[user], client[user], config.clients().get(client[user]).name(),
                upload[user], download[user], airdrop[user], firstArrival[user]);
    }
}
