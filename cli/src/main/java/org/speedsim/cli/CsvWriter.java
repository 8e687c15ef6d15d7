package org.speedsim.cli;

import java.io.IOException;
import java.io.Writer;

/**
 * The CSV writer of every output file, {@link org.speedsim.reports.CsvWriter}, under the name the command classes use
 * (one writer and one number format for run, experiment and report files).
 */
public final class CsvWriter extends org.speedsim.reports.CsvWriter {

    /** Starts a CSV text with this header row. */
    public CsvWriter(Writer out, String... header) throws IOException {
        super(out, header);
    }
}
