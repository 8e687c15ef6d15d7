package org.speedsim.strategies.picking;

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
        return PieceScan.pick(v, false);
    }
}
