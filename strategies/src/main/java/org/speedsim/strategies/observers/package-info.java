/**
 * Observers: extensions a scenario lists under {@code observers} that watch a run and add fields to its summary
 * (the {@code extra} map). An observer never acts on the swarm and draws no random numbers, so observing a run never
 * changes it.
 */
package org.speedsim.strategies.observers;
