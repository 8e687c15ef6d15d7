/**
 * The discrete-event kernel: a {@link org.speedsim.engine.kernel.Simulator} per run, with a clock in long
 * microseconds, a table of event kinds and their handlers, and an {@link org.speedsim.engine.kernel.EventList} of
 * primitive (time, kind, target, arg) tuples.
 *
 * <p>Invariants: the clock never moves backwards; events run in (time, scheduling order), so equal-time events need
 * no randomness to order them; scheduling, popping and cancelling allocate nothing once the arrays have grown; a
 * stale handle is recognised, never mistaken for a newer event.
 */
package org.speedsim.engine.kernel;
