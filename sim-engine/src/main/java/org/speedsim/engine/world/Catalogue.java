package org.speedsim.engine.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.speedsim.engine.rng.RandomStreams;

/**
 * The torrents of one world run, drawn once from a {@link CatalogueConfig} up to a horizon. Initial torrents have ids
 * 0..n0-1; released torrents follow in release order. Every attribute of a torrent comes from streams keyed by its
 * id ({@code torrent-age}, {@code torrent-size}, {@code popularity}, {@code publisher}); the release times come from
 * the world's one {@code releases} stream. Ranks are the order of the torrents' {@code popularity} keys, a uniformly
 * random permutation independent of size, release and publisher.
 *
 * <p>Invariant: {@link #byRelease(int)} lists every torrent once, by release time then id.
 */
public final class Catalogue {

    private final CatalogueConfig config;
    private final Torrent[] torrents;
    private final int[] byRelease;
    private final PopularityIndex popularity;

    private Catalogue(CatalogueConfig config, Torrent[] torrents) {
        this.config = config;
        this.torrents = torrents;
        Integer[] order = new Integer[torrents.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> torrents[a].releaseMicros() != torrents[b].releaseMicros()
                ? Long.compare(torrents[a].releaseMicros(), torrents[b].releaseMicros()) : Integer.compare(a, b));
        this.byRelease = new int[order.length];
        long[] release = new long[order.length];
        double[] weight = new double[order.length];
        for (int i = 0; i < order.length; i++) {
            byRelease[i] = order[i];
            release[i] = torrents[order[i]].releaseMicros();
            weight[i] = torrents[order[i]].weight();
        }
        this.popularity = new PopularityIndex(release, weight, config.decayMicros());
    }

    /**
     * Draws the catalogue of a world that runs until {@code horizonMicros}.
     *
     * @throws IllegalArgumentException if the expected number of torrents exceeds {@link CatalogueConfig#MAX_TORRENTS}
     */
    public static Catalogue generate(CatalogueConfig config, RandomStreams streams, long horizonMicros) {
        Objects.requireNonNull(config, "config");
        if (horizonMicros < 0) {
            throw new IllegalArgumentException("world horizon must be >= 0: " + horizonMicros);
        }
        double expected = config.expectedTorrents(horizonMicros);
        if (expected > CatalogueConfig.MAX_TORRENTS) {
            throw new IllegalArgumentException("catalogue would hold about " + (long) expected + " torrents, more than "
                    + CatalogueConfig.MAX_TORRENTS);
        }
        List<Long> releases = new ArrayList<>();
        for (int i = 0; i < config.initialTorrents(); i++) {
            releases.add(-rounded(config.initialAgeMicros().sample(streams.stream("torrent-age", i))));
        }
        if (config.releasesPerSecond() > 0) {
            RandomGenerator rng = streams.stream("releases");
            double meanGapMicros = 1e6 / config.releasesPerSecond();
            double t = 0;
            while (true) {
                t += -meanGapMicros * Math.log1p(-rng.nextDouble());
                if (t > horizonMicros) {
                    break;
                }
                if (releases.size() >= CatalogueConfig.MAX_TORRENTS) {
                    throw new IllegalArgumentException("catalogue holds more than " + CatalogueConfig.MAX_TORRENTS
                            + " torrents");
                }
                releases.add((long) Math.ceil(t));
            }
        }
        int n = releases.size();
        double[] key = new double[n];
        Integer[] byKey = new Integer[n];
        for (int i = 0; i < n; i++) {
            key[i] = streams.stream("popularity", i).nextDouble();
            byKey[i] = i;
        }
        Arrays.sort(byKey, (a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b]) : Integer.compare(a, b));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[byKey[r]] = r + 1;
        }
        Torrent[] torrents = new Torrent[n];
        for (int i = 0; i < n; i++) {
            long size = Math.max(1, rounded(config.sizeBytes().sample(streams.stream("torrent-size", i))));
            long residence = rounded(config.publisherResidenceMicros().sample(streams.stream("publisher", i)));
            double weight = Math.pow(rank[i], -config.zipfExponent());
            torrents[i] = new Torrent(i, size, config.pieceBytes(), releases.get(i), rank[i], weight, residence);
        }
        return new Catalogue(config, torrents);
    }

    /**
     * Rounds a sampled non-negative quantity (microseconds, bytes, micro-BTT) to a long, saturating at
     * {@link Long#MAX_VALUE}.
     */
    static long rounded(double x) {
        return x >= 0x1p63 ? Long.MAX_VALUE : Math.round(x);
    }

    public CatalogueConfig config() {
        return config;
    }

    public int size() {
        return torrents.length;
    }

    public Torrent torrent(int id) {
        return torrents[id];
    }

    /** The id of the torrent at position {@code position} in release order. */
    public int byRelease(int position) {
        return byRelease[position];
    }

    /** Release time of the torrent at {@code position} in release order. */
    public long releaseAt(int position) {
        return torrents[byRelease[position]].releaseMicros();
    }

    /**
     * Chooses a torrent by current popularity among the first {@code released} torrents in release order, at time
     * {@code now}, from one uniform {@code u} in [0, 1): torrent i with probability proportional to
     * {@code weight_i * exp(-(now - release_i) / decay)}. Returns its id, or -1 when nothing is released.
     */
    public int choose(double u, int released, long now) {
        int position = popularity.sample(u, released, now);
        return position < 0 ? -1 : byRelease[position];
    }
}
