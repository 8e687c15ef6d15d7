package org.speedsim.engine.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Conservation laws of the byte and piece exchange, over many seeds, with the engine's deep consistency checks on
 * (availability counts, interest counts, global copy counts recomputed from scratch at every sample).
 */
class SwarmConservationTest {

    @Test
    void bytesAndPiecesAreConservedOverManySeeds() {
        for (long seed = 1; seed <= 12; seed++) {
            SwarmConfig c = Configs.flashCrowd(60, 8L << 20, seed);
            RunResult r = new Swarm(c).deepChecks(true).run();
            RunSummary s = r.summary();
            assertTrue(s.invariantsOk(), "seed " + seed + ": " + s.extra());
            assertEquals(s.bytesUploaded(), s.bytesDownloaded(), "every byte downloaded was uploaded");
            long up = r.peers().stream().mapToLong(PeerRecord::bytesUp).sum();
            long down = r.peers().stream().mapToLong(PeerRecord::bytesDown).sum();
            long dup = r.peers().stream().mapToLong(PeerRecord::duplicateBytes).sum();
            assertEquals(up, down);
            assertEquals(s.bytesDownloaded(), down);
            assertEquals(s.duplicateBytes(), dup, "duplicates are counted per peer and in total");
            long fileBytes = c.file().sizeBytes();
            for (PeerRecord p : r.peers()) {
                if (!p.initialSeed() && p.completionMicros() >= 0) {
                    // resumed partial pieces are not lost, so a completer downloaded the file exactly once
                    // plus the counted end-game duplicates
                    assertEquals(fileBytes + p.duplicateBytes(), p.bytesDown(), "peer " + p.peer());
                }
            }
            assertEquals(60, s.peersCompleted(), "seed " + seed);
        }
    }

    @Test
    void duplicateDownloadsHappenOnlyInEndGame() {
        long withEndGame = 0;
        for (long seed = 1; seed <= 6; seed++) {
            SwarmConfig on = Configs.flashCrowd(50, 8L << 20, seed);
            RunSummary s = new Swarm(on).deepChecks(true).run().summary();
            // the engine records a broken invariant if a piece is requested twice outside end game
            assertTrue(s.invariantsOk(), s.extra().toString());
            withEndGame += s.duplicateBytes();

            ProtocolConfig noEndGame = ProtocolConfig.DEFAULT.toBuilder().endGame(false).build();
            SwarmConfig off = on.toBuilder().replication(0).protocol(noEndGame).stopWhenAllComplete(true)
                    .actions(List.of()).networkModel("max-min").extensions(List.of()).build();
            RunSummary s2 = new Swarm(off).deepChecks(true).run().summary();
            assertTrue(s2.invariantsOk(), s2.extra().toString());
            assertEquals(0, s2.duplicateBytes(), "without end game no piece is downloaded twice");
            assertEquals(s2.bytesDownloaded(), 50L * on.file().sizeBytes(),
                    "without end game every leecher downloads exactly the file");
        }
        assertTrue(withEndGame > 0, "end game produced duplicate bytes, and they were counted");
    }

    @Test
    void completedPeersHoldEveryPieceAndSeedsThatLeaveEarlyCanKillTheSwarm() {
        SwarmConfig base = Configs.flashCrowd(40, 8L << 20, 3);
        SwarmConfig early = base.toBuilder().name("early").seed(3).replication(0)
                .clients(List.of(Configs.client("legacy", 1.0, Configs.LEAVE_AT_ONCE)))
                .initialSeeds(List.of(new InitialSeeds(1, "dsl", "legacy", 20 * Configs.S)))
                .durationMicros(2 * 3600 * Configs.S).sampleIntervalMicros(10 * Configs.S).stopWhenAllComplete(false)
                .actions(List.of()).networkModel("max-min").extensions(List.of()).build();
        RunResult r = new Swarm(early).deepChecks(true).run();
        assertTrue(r.summary().invariantsOk(), r.summary().extra().toString());
        // the seed uploads 20 s * 1 Mbit/s = 2.5 MB of an 8 MiB file before leaving: the file cannot survive
        assertTrue(r.summary().swarmDied());
        assertEquals(0, r.summary().peersCompleted());
        int last = r.timeSeries().size() - 1;
        assertEquals(0.0, r.timeSeries().get(last, "seeds"));
    }
}
