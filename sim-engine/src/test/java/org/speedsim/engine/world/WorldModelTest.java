package org.speedsim.engine.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.swarm.Distribution;

/** The catalogue, population and library as values: their invariants and their refusals of bad input. */
class WorldModelTest {

    /** Ranks are a permutation of 1..N, weights are rank^-s, and releases are listed in time order. */
    @Test
    void catalogueRanksArePermutationAndReleasesOrdered() {
        WorldConfig config = Worlds.busy(10, 0.5);
        Catalogue c = Catalogue.generate(config.catalogue(), new RandomStreams(2, 0), config.horizonMicros());
        boolean[] seen = new boolean[c.size() + 1];
        for (int t = 0; t < c.size(); t++) {
            Torrent torrent = c.torrent(t);
            assertTrue(!seen[torrent.rank()], "rank twice: " + torrent.rank());
            seen[torrent.rank()] = true;
            assertEquals(Math.pow(torrent.rank(), -0.8), torrent.weight(), 1e-15);
            assertEquals((torrent.sizeBytes() + 262143) / 262144, torrent.pieces());
            if (t > 0) {
                assertTrue(c.releaseAt(t) >= c.releaseAt(t - 1));
            }
        }
        assertTrue(c.size() > 100, "torrents " + c.size());
        assertTrue(c.torrent(0).releaseMicros() <= 0, "initial torrents have an age");
    }

    /** The library against a TreeSet per user over random completions. */
    @Test
    void libraryMatchesBruteForce() {
        SplittableRandom rng = new SplittableRandom(7);
        Library library = new Library(20);
        List<TreeSet<Integer>> truth = new java.util.ArrayList<>();
        for (int u = 0; u < 20; u++) {
            truth.add(new TreeSet<>());
        }
        for (int step = 0; step < 5_000; step++) {
            int user = rng.nextInt(20);
            int torrent = rng.nextInt(300);
            assertEquals(truth.get(user).add(torrent), library.add(user, torrent));
            int probe = rng.nextInt(300);
            assertEquals(truth.get(user).contains(probe), library.contains(user, probe));
        }
        for (int u = 0; u < 20; u++) {
            assertEquals(truth.get(u).size(), library.count(u));
            assertArrayEquals(truth.get(u).stream().mapToInt(Integer::intValue).toArray(), library.torrents(u));
        }
    }

    /** A client of share 0 is never chosen, even where the uniform falls at its boundary. */
    @Test
    void zeroShareIsNeverChosen() {
        List<ClientShare> mix = List.of(new ClientShare("a", 0.5), new ClientShare("b", 0), new ClientShare("c", 0.5),
                new ClientShare("d", 0));
        assertEquals(0, Population.byShare(0.0, mix, ClientShare::share));
        assertEquals(2, Population.byShare(0.5, mix, ClientShare::share));
        assertEquals(2, Population.byShare(Math.nextDown(1.0), mix, ClientShare::share));
        assertEquals(2, Population.byShare(1.0, mix, ClientShare::share));
    }

    @Test
    void badInputIsRefusedWithTheField() {
        Distribution one = new Distribution.Fixed(1);
        assertMessage("catalogue piece size must be > 0 bytes: 0",
                () -> new CatalogueConfig(1, one, 0, one, 0, 1, 1, one));
        assertMessage("catalogue decay time constant must be > 0 microseconds: 0",
                () -> new CatalogueConfig(1, one, 0, one, 1, 1, 0, one));
        assertMessage("catalogue Zipf exponent must be in [0, 10.0]: -1.0",
                () -> new CatalogueConfig(1, one, 0, one, 1, -1, 1, one));
        assertMessage("catalogue release rate must be a finite number >= 0: NaN",
                () -> new CatalogueConfig(1, one, Double.NaN, one, 1, 1, 1, one));
        assertMessage("client shares must sum to 1: 0.9",
                () -> Worlds.alwaysOnline(1, 1).withClients(List.of(new ClientShare("x", 0.9))));
        assertMessage("users must be in [0, 100000000]: -1",
                () -> new PopulationConfig(-1, Worlds.classes(), Worlds.clients(0), one, one, one, 0, one, one));
        assertMessage("world horizon must be > 0 microseconds: 0",
                () -> new WorldConfig(Worlds.staticCatalogue(1, 1, 1), Worlds.alwaysOnline(1, 1), 0));
        CatalogueConfig huge = new CatalogueConfig(0, one, 1e6, one, 1, 1, 1, one);
        assertMessage("catalogue would hold about 86400000000 torrents, more than 10000000",
                () -> Catalogue.generate(huge, new RandomStreams(1, 0), Worlds.DAY));
    }

    private static void assertMessage(String expected, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertEquals(expected, e.getMessage());
    }
}
