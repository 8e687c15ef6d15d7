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
        int start = v.rng().nextInt(v.pieces());
        int p = PieceScan.scan(PieceScan.STARTED, v, start, false);
        if (p >= 0) {
            return p;
        }
        p = PieceScan.scan(PieceScan.FRESH, v, start, false);
        if (p >= 0 || !v.endGame()) {
            return p;
        }
        return PieceScan.scan(PieceScan.END_GAME, v, start, false);
    }
}
