package org.speedsim.cli;

import java.util.List;
import java.util.Set;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.reports.SummaryJson;
import org.speedsim.scenarios.LoadedScenario;

/**
 * The numeric metrics a scenario's runs produce ({@link RunMetrics} names: {@code peers_completed},
 * {@code download_time_p50_s}, {@code tokens_paid} when the scenario has Speed clients), found before any real
 * run by simulating the scenario for one microsecond and writing nothing: the fields of a summary do not depend on
 * how long the run was.
 */
final class SummaryFields {

    private SummaryFields() {
    }

    /** The metric names of {@code scenario}'s summary.json, in file order. */
    static Set<String> of(Services services, LoadedScenario scenario) {
        SwarmConfig c = scenario.config();
        SwarmConfig probe = c.toBuilder().durationMicros(1).actions(List.of()).build();
        RunResult result = services.engine().run(probe, null, null, 0);
        return RunMetrics.of(SummaryJson.node(result)).values().keySet();
    }
}
