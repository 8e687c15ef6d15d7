package org.speedsim.strategies.picking;

import org.speedsim.engine.swarm.PickView;
import org.speedsim.engine.swarm.PiecePicker;

/**
 * BitTorrent's piece selection: strict priority for pieces already started, a random first piece, then the rarest
 * piece among the neighbours (ties broken by a random starting point of the scan, from the peer's
 * {@code piece-picking} stream), and in end game the rarest piece still in flight from other neighbours.
 */
public final class RarestFirstPicker implements PiecePicker {

    public RarestFirstPicker(int peer) {
    }

    @Override
    public int pick(PickView v) {
        return PieceScan.pick(v, true);
    }
}
