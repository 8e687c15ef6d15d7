package org.speedsim.engine.bt;

import org.speedsim.engine.swarm.PickView;
import org.speedsim.engine.swarm.PiecePicker;

/**
 * Random piece selection, the baseline rarest-first is measured against: started pieces first, then any piece the
 * neighbour has, found from a random starting point; end game as in {@link RarestFirstPicker}.
 */
public final class RandomPicker implements PiecePicker {

    public RandomPicker(int peer) {
    }

    @Override
    public int pick(PickView v) {
        int mode;
        if (PieceScan.any(PieceScan.STARTED, v)) {
            mode = PieceScan.STARTED;
        } else if (PieceScan.any(PieceScan.FRESH, v)) {
            mode = PieceScan.FRESH;
        } else if (v.endGame() && PieceScan.any(PieceScan.END_GAME, v)) {
            mode = PieceScan.END_GAME;
        } else {
            return -1;
        }
        int start = v.rng().nextInt(v.pieces());
        return PieceScan.scan(mode, v, start, false);
    }
}
