package org.speedsim.engine.swarm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SwarmControl#remainingBytes} against the sum of the sizes of the pieces a peer lacks, at every piece. */
class RemainingBytesTest {

    @Test
    void remainingBytesIsTheSizeOfTheMissingPiecesIncludingAShortLastOne() {
        for (long fileBytes : new long[] {(3L << 20) + 12_345, 3L << 20, 100_000}) {
            SwarmConfig base = Configs.flashCrowd(12, fileBytes, 5);
            long[] checks = new long[1];
            SwarmExtension.Factory checker = control -> new SwarmExtension() {
                @Override
                public void onPieceReceived(int downloader, int uploader, int piece, long bytes, boolean valid) {
                    for (int peer : new int[] {downloader, uploader}) {
                        long missing = 0;
                        FileSpec f = control.config().file();
                        for (int p = 0; p < f.pieces(); p++) {
                            missing += control.has(peer, p) ? 0 : f.pieceSize(p);
                        }
                        assertEquals(control.isSeed(peer) ? 0 : missing, control.remainingBytes(peer),
                                "peer " + peer + " file " + fileBytes);
                        checks[0]++;
                    }
                }
            };
            SwarmConfig c = base.toBuilder().extensions(List.of(checker)).build();
            new Swarm(c).run();
            assertTrue(checks[0] > 20, "checks " + checks[0]);
        }
    }
}
