/**
 * Measurements of the engine's cost: JMH benchmarks of the kernel, the max-min network, the ledger and signatures,
 * and whole runs timed by the CPU time of the simulating thread ({@code FlashCrowdRun}, {@code SeedingCrowdRun},
 * {@code SpeedFlashCrowd}), which {@code benchmarks/side-by-side} compares between two builds.
 *
 * <p>Invariant: a benchmark only observes; every whole run prints its events and piece transfers, so two builds
 * can be checked to have simulated the same work before their times are compared.
 */
package org.speedsim.benchmarks;
