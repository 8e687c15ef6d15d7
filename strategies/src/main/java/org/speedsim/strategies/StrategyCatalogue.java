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
 * <p>Invariant: names are unique across built-ins and plug-ins; every built factory is wrapped (see
 * {@link NamedStrategy}) so that it equals any other built from the same name and arguments, except in catalogues of
 * values (auction formats, slot allocations), whose objects are called on hot paths and compare as values already.
 *
 * @param <F> the engine's factory type for this kind
 */
public final class StrategyCatalogue<F> {

    /**
     * One registered strategy.
     *
     * @param origin where it comes from: {@link #BUILT_IN}, or the plug-in jar that provides it
     */
    public record Entry<F>(String name, String description, List<StrategyParam> params,
                           Function<StrategyArgs, F> builder, String origin) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(origin, "origin");
            params = List.copyOf(params);
        }
    }

    /** The origin of the strategies speedsim itself provides. */
    public static final String BUILT_IN = "built-in";

    private final String kind;
    private final String defaultName;
    private final Class<F> type;
    private final boolean values;
    private final Map<String, Entry<F>> entries = new LinkedHashMap<>();

    /**
     * @param type   the engine's interface of this kind
     * @param values whether built objects compare as values already (else each is wrapped in a
     *               {@link NamedStrategy})
     */
    public StrategyCatalogue(String kind, Class<F> type, String defaultName, boolean values) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.type = Objects.requireNonNull(type, "type");
        this.defaultName = defaultName;
        this.values = values;
    }

    /** Registers a built-in strategy; returns this catalogue for chaining. */
    public StrategyCatalogue<F> add(String name, String description, List<StrategyParam> params,
                                    Function<StrategyArgs, F> builder) {
        return add(new Entry<>(name, description, params, builder, BUILT_IN));
    }

    /** Registers a strategy; a name already taken (by a built-in or another plug-in) is refused, naming both. */
    public StrategyCatalogue<F> add(Entry<F> entry) {
        Entry<F> old = entries.putIfAbsent(entry.name(), entry);
        if (old != null) {
            throw new IllegalArgumentException(kind + " strategy '" + entry.name() + "' is provided twice: by "
                    + old.origin() + " and by " + entry.origin());
        }
        return this;
    }

    /** The engine's interface the strategies of this catalogue implement. */
    public Class<F> type() {
        return type;
    }

    /** What this catalogue holds, such as {@code choking}. */
    public String kind() {
        return kind;
    }

    /** The strategy a scenario gets when it names none; null for observers (a scenario lists any number). */
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
        F built = e.builder().apply(args);
        return values ? built : NamedStrategy.wrap(type, name, args, built);
    }

    /** {@code unknown choking strategy 'tft'; known: tit-for-tat}. */
    public String unknownMessage(String name) {
        return "unknown " + kind + " strategy '" + name + "'; known: " + String.join(", ", entries.keySet());
    }
}
