package org.speedsim.engine.speed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.speedsim.engine.ledger.SignatureMode;
import org.speedsim.engine.rng.RandomStreams;
import org.speedsim.engine.speed.bidding.BidContext;
import org.speedsim.engine.speed.bidding.BiddingStrategy;
import org.speedsim.engine.swarm.ChokingPolicy;
import org.speedsim.engine.swarm.ClientSpec;
import org.speedsim.engine.swarm.Distribution;
import org.speedsim.engine.swarm.PeerRecord;
import org.speedsim.engine.swarm.ProtocolTrace;
import org.speedsim.engine.swarm.RechokeView;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;

/**
 * Speed messages travel: checked against records kept outside the extension. What a provider's auction saw is
 * recorded by a wrapper around the production choker (the bid of each candidate at each rechoke); when each bid was
 * decided is recorded by a wrapper around the production bidding strategy; the latency of a pair is recomputed from
 * its named random stream.
 */
class SpeedMessageLatencyTest {

    static final long MS = 1_000L;

    /** A bid decision of a requester, or a bid a provider's auction saw. */
    record Seen(long time, int provider, int requester, long bid) {
    }

    record Decided(long time, long bid) {
    }

    /** Wraps every Speed client's choker and bidding so the test sees what the auction saw and what was decided. */
    static final class Recorder {
        final List<Seen> seen = new ArrayList<>();
        final Map<Integer, List<Decided>> decided = new HashMap<>();

        SwarmConfig wrap(SwarmConfig c) {
            List<ClientSpec> clients = new ArrayList<>();
            for (ClientSpec cs : c.clients()) {
                SpeedSettings s = cs.speedSettings();
                if (s == null) {
                    clients.add(cs);
                    continue;
                }
                ChokingPolicy.Factory inner = s.chokerFactory();
                BiddingStrategy.Factory bidding = s.bidding();
                SpeedSettings wrapped = s.withBidding((peer, rng) -> {
                    BiddingStrategy b = bidding.create(peer, rng);
                    return ctx -> decide(peer, b, ctx);
                });
                clients.add(new ClientSpec(cs.name(), cs.share(), true, peer -> {
                    ChokingPolicy p = inner.create(peer);
                    return view -> {
                        for (int i = 0; i < view.candidates(); i++) {
                            seen.add(new Seen(view.now(), view.self(), view.peer(i), view.bid(i)));
                        }
                        p.rechoke(view);
                    };
                }, cs.picking(), cs.seeding(), wrapped));
            }
            return c.toBuilder().clients(clients).build();
        }

        private long decide(int peer, BiddingStrategy b, BidContext ctx) {
            long bid = b.nextBid(ctx);
            if (bid != BiddingStrategy.NO_CHANGE) {
                decided.computeIfAbsent(peer, k -> new ArrayList<>()).add(new Decided(ctx.now(), bid));
            }
            return bid;
        }
    }

    /** Records the extension's message trace events in order. */
    static final class Trace implements ProtocolTrace {
        final List<long[]> events = new ArrayList<>();
        final List<String> kinds = new ArrayList<>();

        @Override
        public boolean wants(String kind) {
            return List.of("speed-bid", "speed-bid-arrived", "speed-bid-response", "speed-bid-response-arrived",
                    "speed-payment", "speed-payment-arrived").contains(kind);
        }

        @Override
        public void emit(long timeMicros, String kind, int peer, int other, long value) {
            kinds.add(kind);
            events.add(new long[] {timeMicros, peer, other, value});
        }
    }

    static SwarmConfig swarm(long seed, Distribution latency) {
        SwarmConfig base = SpeedSwarmConservationTest.config(seed, SignatureMode.ACCOUNTING);
        SpeedConfig speed = SpeedSwarmMetricsTest.speedConfig(true).withMessageLatency(latency);
        return SpeedSwarmMetricsTest.withSpeed(base, speed);
    }

    @Test
    void anAuctionSeesABidOnlyOnceItsMessageHasArrived() {
        long latency = 200 * MS;
        int observed = 0;
        int withinLatencyOfADecision = 0;
        for (long seed = 1; seed <= 6; seed++) {
            Recorder rec = new Recorder();
            RunResult r = new Swarm(rec.wrap(swarm(seed, new Distribution.Fixed(latency)))).run();
            assertTrue(r.summary().invariantsOk(), "seed " + seed);
            for (Seen s : rec.seen) {
                List<Decided> ds = rec.decided.getOrDefault(s.requester(), List.of());
                if (s.bid() > 0) {
                    observed++;
                    boolean arrived = ds.stream()
                            .anyMatch(d -> d.bid() == s.bid() && d.time() + latency <= s.time());
                    assertTrue(arrived, "seed " + seed + ": " + s + " before its bid could arrive; decisions " + ds);
                }
                // a decision made less than one latency ago that the instant model would already show
                Decided last = null;
                for (Decided d : ds) {
                    if (d.time() <= s.time()) {
                        last = d;
                    }
                }
                if (last != null && last.time() > s.time() - latency && last.bid() != s.bid()) {
                    withinLatencyOfADecision++;
                }
            }
        }
        assertTrue(observed > 1_000, "auctions saw bids: " + observed);
        assertTrue(withinLatencyOfADecision > 10,
                "rechokes within one latency of a new bid, where the auction must still see the old one: "
                        + withinLatencyOfADecision);
    }

    @Test
    void eachPairsLatencyComesFromItsOwnNamedStreamTheSameBothWays() {
        Distribution d = new Distribution.LogNormal(40 * MS, 0.6);
        long seed = 3;
        Trace trace = new Trace();
        RunResult r = new Swarm(swarm(seed, d)).trace(trace).run();
        RandomStreams streams = new RandomStreams(seed, 0);
        Map<Long, ArrayDeque<Long>> sent = new HashMap<>();
        int matched = 0;
        int payments = 0;
        for (int i = 0; i < trace.events.size(); i++) {
            String kind = trace.kinds.get(i);
            long[] e = trace.events.get(i);
            int from = (int) e[1];
            int to = (int) e[2];
            long key = ((long) from << 32) | to;
            if (kind.equals("speed-bid") || kind.equals("speed-bid-response") || kind.equals("speed-payment")) {
                sent.computeIfAbsent(key * 4 + kindIndex(kind), k -> new ArrayDeque<>()).add(e[0]);
            } else {
                String sentKind = kind.substring(0, kind.length() - "-arrived".length());
                ArrayDeque<Long> q = sent.get(key * 4 + kindIndex(sentKind));
                assertTrue(q != null && !q.isEmpty(), kind + " without a send: " + from + " -> " + to);
                long pair = ((long) Math.min(from, to) << 32) | Math.max(from, to);
                long expected = (long) Math.rint(d.sample(streams.stream("speed-latency", pair)));
                assertEquals(expected, e[0] - q.poll(), kind + " " + from + " -> " + to);
                matched++;
                payments += sentKind.equals("speed-payment") ? 1 : 0;
            }
        }
        assertTrue(matched > 300 && payments > 50, "arrivals matched " + matched + ", payments " + payments);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) r.summary().extra().get("speedMessages");
        assertTrue((Long) m.get("latencyMeanMicros") > 30 * MS && (Long) m.get("latencyMeanMicros") < 70 * MS, "" + m);
    }

    private static int kindIndex(String kind) {
        return switch (kind) {
            case "speed-bid" -> 0;
            case "speed-bid-response" -> 1;
            default -> 2;
        };
    }

    @Test
    void latencyChangesResultsAndEveryEncodedByteIsCountedForItsSender() {
        for (long seed = 1; seed <= 3; seed++) {
            RunResult instant = new Swarm(swarm(seed, SpeedConfig.INSTANT)).run();
            RunResult slow = new Swarm(swarm(seed, new Distribution.Fixed(200 * MS))).run();
            assertTrue(instant.summary().invariantsOk() && slow.summary().invariantsOk());
            assertNotEquals(instant.peers(), slow.peers(), "seed " + seed);
            assertNotEquals(SpeedSwarmConservationTest.tokens(instant), SpeedSwarmConservationTest.tokens(slow));
            for (RunResult r : List.of(instant, slow)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) r.summary().extra().get("speedMessages");
                long perPeer = r.peers().stream().mapToLong(PeerRecord::messageBytes).sum();
                long kinds = (Long) m.get("handshakeBytes") + (Long) m.get("bidBytes")
                        + (Long) m.get("bidResponseBytes") + (Long) m.get("paymentBytes");
                assertEquals(r.summary().overheadBytes(), perPeer, "seed " + seed + " " + m);
                assertEquals(kinds, perPeer, "seed " + seed + " " + m);
                assertEquals(kinds, SpeedSwarmConservationTest.tokens(r).get("overheadBytes"),
                        "each sender's per-kind books against the extension's running total, seed " + seed);
                for (PeerRecord p : r.peers()) {
                    if (p.client().equals("legacy")) {
                        assertEquals(0, p.messageBytes(), "a legacy peer sends no Speed message");
                    }
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> zero = (Map<String, Object>) instant.summary().extra().get("speedMessages");
            assertEquals(0L, zero.get("delayed"));
            assertEquals(0L, zero.get("pieceStartsAwaitingBidResponse"));
            // with 200 ms messages a provider waits for payments and bid responses before starting pieces
            @SuppressWarnings("unchecked")
            Map<String, Object> late = (Map<String, Object>) slow.summary().extra().get("speedMessages");
            assertTrue((Long) late.get("pieceStartsAwaitingBidResponse") > 0, "seed " + seed + " " + late);
            assertTrue((Long) SpeedSwarmConservationTest.tokens(slow).get("uploadStalls") > 0, "seed " + seed);
            assertEquals((Long) late.get("bids") + (Long) late.get("bidResponses") + (Long) late.get("payments"),
                    late.get("delayed"), "every bid, response and payment travels; handshakes are not modelled");
        }
    }
}
