package org.speedsim.strategies;

import java.util.List;

/**
 * A strategy from outside speedsim: a plug-in jar lists its implementations in
 * {@code META-INF/services/org.speedsim.strategies.StrategyPlugin} (one class name a line, each with a public
 * no-argument constructor), and {@link Plugins} finds them with {@link java.util.ServiceLoader}. A plug-in is
 * registered exactly like a built-in: a scenario names it, its parameters are validated and converted the same way
 * and listed in the JSON Schema, and {@link #create} receives them in base units.
 *
 * <p>Invariant: {@link #create} is a function of its arguments (the same arguments build strategies that behave the
 * same), and the strategies it builds draw random numbers only from the stream the engine hands them, so that a run
 * stays a function of its scenario and seed.
 *
 * @param <F> the engine's interface of the kind: one of {@link StrategyRegistry#kinds()}'s types, such as
 *            {@code BiddingStrategy.Factory} for bidding or {@code SwarmExtension.Factory} for an observer
 */
public interface StrategyPlugin<F> {

    /** The engine's interface this plug-in implements, such as {@code BiddingStrategy.Factory.class}. */
    Class<F> kind();

    /** The name scenarios write; must not be the name of a built-in or of another plug-in of the same kind. */
    String name();

    /** One line for the JSON Schema and error messages. */
    String description();

    /** Its parameters, as a scenario writes them next to the name. */
    default List<StrategyParam> params() {
        return List.of();
    }

    /** Builds the strategy from its parameters, in base units (see {@link StrategyParam.Type}). */
    F create(StrategyArgs args);
}
