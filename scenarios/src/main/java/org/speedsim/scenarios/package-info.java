/**
 * The YAML scenario format: {@code ScenarioModel} describes every key once, and validation,
 * defaults and the JSON Schema are all derived from it; {@code ScenarioLoader} resolves
 * {@code extends} and {@code --set}; {@code Units} is the one parser of human units;
 * {@code ConfigBuilder} turns a valid scenario into the engine's configuration, strategies
 * by name through the registry. World scenarios ({@code kind: world}) are described by
 * {@code WorldModel} and built into a {@code WorldRunConfig} by {@code WorldConfigBuilder};
 * {@code ScenarioLoader.loadAny} gives either kind.
 *
 * <p>Invariants: a problem names the file, line and field; loading the
 * same scenario twice gives equal configurations.
 */
package org.speedsim.scenarios;
