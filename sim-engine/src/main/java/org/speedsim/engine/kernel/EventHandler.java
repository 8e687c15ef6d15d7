package org.speedsim.engine.kernel;

/** Reacts to one kind of event; registered with {@link Simulator#registerKind}. Called at the event's time. */
@FunctionalInterface
public interface EventHandler {
    void handle(int target, long arg);
}
