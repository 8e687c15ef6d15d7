/**
 * The {@code speedsim} command (picocli): one class per command ({@code run}, {@code validate}, {@code report},
 * {@code compare}, {@code sweep}, {@code tune}), the replication runners, experiment designs and statistics, and the
 * ownership of output directories ({@code OwnedDirectory}, {@code OutputManifest},
 * {@code DirectoryLock}).
 *
 * <p>Invariants: a user's input error is one line and exit code 2, never a stack trace without {@code --debug};
 * speedsim deletes or overwrites only files its manifest lists, one process per output directory, every file
 * written atomically; outputs depend only on the scenario, seed and replication, never on threads, engine or
 * terminal.
 */
package org.speedsim.cli;
