/**
 * The run-directory format: every file speedsim writes into a run or experiment directory, and every column or field
 * of it, declared once as a {@link org.speedsim.reports.format.Column} (name, unit, meaning, getter).
 *
 * <p>The run writer, the experiment tables, the reader of run directories ({@code Replication}) and the generated
 * column table of {@code docs/run-directory.md} all take the names from here, so a new column is one declaration.
 * A world run's files (many torrents, persistent users) are declared in {@link org.speedsim.reports.format.WorldFiles}
 * and written and read by {@code WorldOutputWriter} and {@code WorldReplication}.
 *
 * <p>Naming rule (every CSV column, every {@code summary.json} key, every metric name a user types): snake_case, the
 * unit as the last word when there is one ({@code _s} seconds, {@code _bytes}, {@code _bytes_per_s}, {@code _ubtt}
 * micro-BTT); counts, fractions and yes/no outcomes have no unit word.
 */
package org.speedsim.reports.format;
