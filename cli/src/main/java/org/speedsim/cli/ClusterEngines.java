package org.speedsim.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link ClusterEngine} that {@code --engine} names among those on the class path. */
final class ClusterEngines {

    private ClusterEngines() {
    }

    /**
     * The engine named {@code name}.
     *
     * @throws UserInputException when none on the class path has that name
     */
    static ClusterEngine find(String name) throws UserInputException {
        List<String> names = new ArrayList<>(List.of("local"));
        for (ClusterEngine engine : ServiceLoader.load(ClusterEngine.class)) {
            if (engine.name().equals(name)) {
                return engine;
            }
            names.add(engine.name());
        }
        if (name.equals("spark")) {
            throw new UserInputException("--engine spark: the Spark engine is not on the class path; run through "
                    + "./speedsim, which adds spark-engine/target (built by mvn -B -q package -DskipTests), or submit "
                    + "spark-engine/target/speedsim-spark.jar with spark-submit");
        }
        throw new UserInputException("--engine " + name + ": unknown engine; expected one of " + names);
    }
}
