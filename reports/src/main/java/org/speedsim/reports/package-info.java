/**
 * Reports of run directories: tables of replications (tablesaw), statistics across replications (confidence
 * intervals, Kaplan-Meier survival of the swarm), charts (JFreeChart, written as PNG and SVG) and the self-contained
 * {@code report.html} with its {@code report.md}.
 */
package org.speedsim.reports;
