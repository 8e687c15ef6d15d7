/**
 * Reports of run directories: tables of replications (tablesaw), statistics across replications (confidence
 * intervals, Kaplan-Meier survival of the swarm), charts (JFreeChart, written as PNG and SVG) and the self-contained
 * {@code report.html} with its {@code report.md}.
 *
 * <p>World runs: {@code WorldOutputWriter} writes a world replication's files, {@code WorldReplication} reads them
 * back, and {@code WorldReport} reports one or more of them (availability and request success by popularity decile,
 * Kaplan-Meier survival of torrents by decile, Lorenz curves and Gini of balances, token flows).
 */
package org.speedsim.reports;
