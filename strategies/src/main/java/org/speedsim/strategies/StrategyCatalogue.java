package org.speedsim.strategies;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The named strategies of one kind (choking, picking, seeding, ...): for each name, its parameters and a factory
 * builder. Names keep their registration order, which is the order error messages and the JSON Schema list them.
 *
 * <p>Invariant: names are unique; every built strategy is wrapped so that it equals any other built from the same
 * name and arguments.
 *
 * @param <F> the engine's factory type for this kind
 */
public final class StrategyCatalogue<F> {

    /** Wraps a built factory in a value carrying its name and arguments (see {@link StrategyRegistry}). */
    @FunctionalInterface
    public interface Namer<F> {
        F name(String name, StrategyArgs args, F factory);
    }

    /** One registered strategy. */
    public record Entry<F>(String name, String description, List<StrategyParam> params,
                           Function<StrategyArgs, F> builder) {
        public Entry {
            Objects.requireNonNull(name, "name");
            params = List.copyOf(params);
        }
    }

    private final String kind;
    private final String defaultName;
    private final Namer<F> namer;
    private final Map<String, Entry<F>> entries = new LinkedHashMap<>();

    public StrategyCatalogue(String kind, String defaultName, Namer<F> namer) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.defaultName = Objects.requireNonNull(defaultName, "defaultName");
        this.namer = Objects.requireNonNull(namer, "namer");
    }

    /** Registers a strategy; returns this catalogue for chaining. */
    public StrategyCatalogue<F> add(String name, String description, List<StrategyParam> params,
                                    Function<StrategyArgs, F> builder) {
        if (entries.putIfAbsent(name, new Entry<>(name, description, params, builder)) != null) {
            throw new IllegalArgumentException(kind + " strategy '" + name + "' registered twice");
        }
        return this;
    }

    /** What this catalogue holds, such as {@code choking}. */
    public String kind() {
        return kind;
    }

    /** The strategy a scenario gets when it names none. */
    public String defaultName() {
        return defaultName;
    }

    public List<String> names() {
        return Collections.unmodifiableList(new ArrayList<>(entries.keySet()));
    }

    public List<Entry<F>> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry of {@code name}, or null. */
    public Entry<F> find(String name) {
        return entries.get(name);
    }

    /** Builds the named strategy; the message of a failure lists the known names. */
    public F create(String name, StrategyArgs args) {
        Entry<F> e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException(unknownMessage(name));
        }
        return namer.name(name, args, e.builder().apply(args));
    }

    /** {@code unknown choking strategy 'tft'; known: tit-for-tat}. */
    public String unknownMessage(String name) {
        return "unknown " + kind + " strategy '" + name + "'; known: " + String.join(", ", entries.keySet());
    }
}
