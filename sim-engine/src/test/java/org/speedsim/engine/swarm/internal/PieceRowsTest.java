package org.speedsim.engine.swarm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PieceRowsTest {

    @Test
    void rowsAreDisjointZeroedAndKeepTheirBytesWhenTheArrayGrows() {
        int pieces = 10;
        PieceRows rows = new PieceRows(pieces, 1);
        Set<Integer> offsets = new HashSet<>();
        for (int r = 0; r < 20; r++) {
            int off = rows.allocate();
            assertEquals(0, off % pieces);
            for (int p = 0; p < pieces; p++) {
                assertEquals(0, rows.cells()[off + p]);
                rows.cells()[off + p] = (byte) (r + 1);
            }
            offsets.add(off);
        }
        assertEquals(20, offsets.size());
        for (int off : offsets) {
            byte v = rows.cells()[off];
            for (int p = 0; p < pieces; p++) {
                assertEquals(v, rows.cells()[off + p], "row at " + off + " was overwritten or lost in growth");
            }
        }
    }

    @Test
    void aReleasedRowIsReusedAndHandedOutZeroed() {
        PieceRows rows = new PieceRows(4, 4);
        int a = rows.allocate();
        int b = rows.allocate();
        assertNotEquals(a, b);
        rows.cells()[a + 2] = (byte) (PieceRows.HAS | 3);
        rows.release(a);
        int c = rows.allocate();
        assertEquals(a, c);
        for (int p = 0; p < 4; p++) {
            assertEquals(0, rows.cells()[c + p]);
        }
    }
}
