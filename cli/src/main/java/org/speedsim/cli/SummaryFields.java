package org.speedsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.engine.world.WorldConfig;
import org.speedsim.engine.world.WorldResult;
import org.speedsim.engine.world.WorldRunConfig;
import org.speedsim.engine.world.runtime.WorldRun;
import org.speedsim.reports.SummaryJson;
import org.speedsim.reports.format.WorldFiles;
import org.speedsim.scenarios.Loaded;
import org.speedsim.scenarios.LoadedScenario;
import org.speedsim.scenarios.LoadedWorld;

/**
 * The numeric metrics a scenario's runs produce ({@link RunMetrics} names: {@code peers_completed},
 * {@code download_time_p50_s}, {@code tokens_paid} when the scenario has Speed clients; {@code request_success},
 * {@code availability_d1} for a world), found before any real run by simulating the scenario for one microsecond and
 * writing nothing: the fields of a summary do not depend on how long the run was.
 */
final class SummaryFields {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SummaryFields() {
    }

    /** The metric names of {@code scenario}'s summary.json, in file order. */
    static Set<String> of(Services services, Loaded scenario) {
        if (scenario instanceof LoadedWorld world) {
            WorldRunConfig c = world.config();
            WorldRunConfig probe = new WorldRunConfig(c.name(), c.seed(), c.replication(),
                    new WorldConfig(c.world().catalogue(), c.world().population(), 1), c.clients(), c.protocol(),
                    c.speed(), c.seeding(), c.publisher(), c.sampleIntervalMicros(), c.networkModel());
            WorldResult result = new WorldRun(probe).run();
            return RunMetrics.of(JSON.valueToTree(WorldFiles.summary(result))).values().keySet();
        }
        SwarmConfig c = ((LoadedScenario) scenario).config();
        SwarmConfig probe = c.toBuilder().durationMicros(1).actions(List.of()).build();
        RunResult result = services.engine().run(probe, null, null, 0);
        return RunMetrics.of(SummaryJson.node(result)).values().keySet();
    }
}
