package org.speedsim.engine.kernel;

import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/** The {@link EventList} implementations every kernel test runs against, each built from an initial capacity. */
final class EventListImplementations {

    private EventListImplementations() {
    }

    static Stream<Named<IntFunction<EventList>>> all() {
        return Stream.of(
                Named.of("FourAryHeapEventList", FourAryHeapEventList::new),
                Named.of("BinaryHeapEventList", BinaryHeapEventList::new));
    }
}
