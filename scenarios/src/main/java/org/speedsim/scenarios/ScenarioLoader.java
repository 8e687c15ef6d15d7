package org.speedsim.scenarios;

import java.nio.file.Path;
import java.util.List;

/** Reads, resolves ({@code extends}, {@code --set}) and validates scenario files. (Being written.) */
public final class ScenarioLoader {

    private ScenarioLoader() {
    }

    /**
     * Loads a scenario; {@code overrides} are {@code path=value} strings applied after {@code extends} is resolved.
     *
     * @throws ScenarioException with every problem found
     */
    public static LoadedScenario load(Path file, List<String> overrides) throws ScenarioException {
        throw new UnsupportedOperationException("scenario loader not written yet");
    }
}
