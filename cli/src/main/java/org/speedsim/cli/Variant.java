package org.speedsim.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.speedsim.scenarios.Loaded;

/**
 * One configuration of an experiment (a variant of a comparison, a point of a sweep, an evaluation of a tuning):
 * its label, its directory relative to the experiment's ({@code <directory>/<replication>/} holds the standard run
 * output), the parameter values that make it what it is ({@code path -> value} as given to {@code --set}) and the
 * loaded scenario.
 *
 * <p>Invariant: replication r of every variant runs with the same (seed, r), so variants differ only in what their
 * parameters change (common random numbers).
 */
public record Variant(String label, String directory, Map<String, String> parameters, Loaded scenario) {
    public Variant {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
