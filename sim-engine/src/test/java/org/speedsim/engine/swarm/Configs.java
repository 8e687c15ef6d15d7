package org.speedsim.engine.swarm;

import java.util.List;
import org.speedsim.engine.swarm.SeedingBehaviour.Decision;

/**
 * Swarm configurations for tests, with simple stand-ins for the strategies (the real ones live in the strategies
 * module, which depends on this one): a choker that reciprocates and draws its optimistic peer at random, a picker
 * that takes the first candidate from a random start with BitTorrent's priorities, and the classic seeding times.
 * Published in this module's test jar; the strategies tests pass the real strategies to {@link #client(String,
 * double, ChokingPolicy.Factory, PiecePicker.Factory, SeedingBehaviour.Factory)}. Bandwidths in bytes per second,
 * times in microseconds.
 */
public final class Configs {

    public static final long S = 1_000_000L;
    public static final long MIN = 60 * S;
    public static final double MBIT = 1e6 / 8;

    private Configs() {
    }

    /** Regular slots to the neighbours that sent the most (lowest ids on ties); the optimistic one drawn at random. */
    public static final class ReciprocatingChoker implements ChokingPolicy {
        public ReciprocatingChoker(int peer) {
        }

        @Override
        public void rechoke(RechokeView v) {
            int n = v.candidates();
            boolean[] chosen = new boolean[n];
            int regular = Math.min(n, v.regularSlots());
            for (int slot = 0; slot < regular; slot++) {
                int best = -1;
                for (int i = 0; i < n; i++) {
                    if (!chosen[i] && (best < 0 || v.bytesReceivedFrom(i) > v.bytesReceivedFrom(best))) {
                        best = i;
                    }
                }
                chosen[best] = true;
                v.unchoke(best);
            }
            if (n > regular) {
                int k = v.rng().nextInt(n - regular);
                for (int i = 0; i < n; i++) {
                    if (!chosen[i] && k-- == 0) {
                        v.unchokeOptimistic(i);
                        return;
                    }
                }
            }
        }
    }

    /**
     * A started piece first, then a fresh one, then in end game one in flight from others: in each class the first
     * candidate met, piece by piece, from a random start.
     */
    public static final class FirstFoundPicker implements PiecePicker {
        public FirstFoundPicker(int peer) {
        }

        @Override
        public int pick(PickView v) {
            for (int mode = 0; mode < 3; mode++) {
                if (first(v, mode, 0) >= 0) {
                    return first(v, mode, v.rng().nextInt(v.pieces()));
                }
            }
            return -1;
        }

        private static int first(PickView v, int mode, int start) {
            for (int i = 0; i < v.pieces(); i++) {
                int piece = (start + i) % v.pieces();
                boolean inFlight = has(v.downloading(), piece);
                boolean started = has(v.started(), piece);
                boolean wanted = has(v.neighbourHas(), piece) && !has(v.have(), piece);
                boolean candidate = wanted && switch (mode) {
                    case 0 -> started && !inFlight;
                    case 1 -> !started && !inFlight;
                    default -> v.endGame() && inFlight && v.mayDuplicate(piece);
                };
                if (candidate) {
                    return piece;
                }
            }
            return -1;
        }

        private static boolean has(long[] words, int piece) {
            return (words[piece >>> 6] & (1L << piece)) != 0;
        }
    }

    public static final SeedingBehaviour.Factory LEAVE_AT_ONCE = (peer, rng) -> ctx -> Decision.leaveAfter(0);
    public static final SeedingBehaviour.Factory FOREVER = (peer, rng) -> ctx -> Decision.STAY;

    /** Seeds for exactly {@code micros}. */
    public static SeedingBehaviour.Factory seedFor(long micros) {
        return (peer, rng) -> ctx -> Decision.leaveAfter(micros);
    }

    /** Seeds for an exponential time with mean {@code meanMicros}. */
    public static SeedingBehaviour.Factory seedExponential(long meanMicros) {
        Distribution d = new Distribution.Exponential(meanMicros);
        return (peer, rng) -> {
            long t = Math.round(d.sample(rng));
            return ctx -> Decision.leaveAfter(t);
        };
    }

    public static ClientSpec client(String name, double share, ChokingPolicy.Factory choking,
                                    PiecePicker.Factory picking, SeedingBehaviour.Factory seeding) {
        return new ClientSpec(name, share, false, choking, picking, seeding);
    }

    /** A legacy client with the stand-in choker and picker. */
    public static ClientSpec client(String name, double share, SeedingBehaviour.Factory seeding) {
        return client(name, share, ReciprocatingChoker::new, FirstFoundPicker::new, seeding);
    }

    public static PeerClass fixed(String name, double share, double up, double down) {
        return new PeerClass(name, share, new Distribution.Fixed(up), new Distribution.Fixed(down));
    }

    /** A flash crowd of {@code peers} leechers on one seed that stays; leechers leave at once. */
    public static SwarmConfig flashCrowd(int peers, long fileBytes, long seed) {
        return flashCrowd(peers, fileBytes, seed, ReciprocatingChoker::new, FirstFoundPicker::new);
    }

    /** As {@link #flashCrowd(int, long, long)} with the given choker and picker. */
    public static SwarmConfig flashCrowd(int peers, long fileBytes, long seed, ChokingPolicy.Factory choking,
                                         PiecePicker.Factory picking) {
        return SwarmConfig.builder("flash").seed(seed).file(new FileSpec(fileBytes, 256 * 1024))
                .peerClasses(List.of(fixed("dsl", 0.6, 1 * MBIT, 8 * MBIT),
                        fixed("fibre", 0.4, 20 * MBIT, 100 * MBIT)))
                .clients(List.of(client("legacy", 1.0, choking, picking, LEAVE_AT_ONCE),
                        client("seeder", 0.0, choking, picking, FOREVER)))
                .arrivals(new ArrivalProcess.FlashCrowd(peers, 2 * MIN, 0))
                .initialSeeds(List.of(new InitialSeeds(1, "fibre", "seeder", Long.MAX_VALUE)))
                .durationMicros(6 * 3600 * S).sampleIntervalMicros(30 * S).stopWhenAllComplete(true).build();
    }
}
