package org.speedsim.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.speedsim.reports.AtomicFiles;
import org.speedsim.reports.CsvWriter;
import org.speedsim.reports.format.ExperimentFiles;

/**
 * The tidy per-peer table of an experiment or a run, {@value #FILE} beside {@code runs.csv}: every row of every
 * run's {@code peers.csv}, prefixed by what identifies the run: {@code variant} (the variant's, point's or
 * evaluation's label; a run's scenario name), one column per parameter, {@code replication}; then
 * {@link RunOutputWriter#PEER_COLUMNS}. Written through the one CSV writer; values are copied as the runs wrote them.
 *
 * <p>Invariant: rows follow the order of {@code runs.csv} (variant, then replication, then peer), and the table depends
 * only on the runs' {@code peers.csv} files, so it is the same whether the runs were made in one go or resumed.
 */
final class PeerTable {

    /** Its file name, in the experiment's (or run's) directory. */
    static final String FILE = ExperimentFiles.PEERS;

    private PeerTable() {
    }

    /** Writes the table of the complete runs of {@code results} (directories relative to {@code dir}) atomically. */
    static void write(Path dir, ExperimentRunner.Results results, List<String> parameters) throws IOException {
        AtomicFiles.write(dir.resolve(FILE), out -> {
            List<String> header = new ArrayList<>();
            header.add(ExperimentFiles.RUN_KEY.get(0).name());
            header.addAll(parameters);
            header.add(ExperimentFiles.RUN_KEY.get(1).name());
            header.addAll(RunOutputWriter.PEER_COLUMNS);
            CsvWriter csv = new CsvWriter(out, header.toArray(String[]::new));
            for (int v = 0; v < results.variants().size(); v++) {
                Variant variant = results.variants().get(v);
                for (int r = 0; r < results.metrics()[v].length; r++) {
                    if (results.metrics()[v][r] == null) {
                        continue;
                    }
                    Path peers = ResultsTable.runDirectory(dir, variant, r).resolve(RunOutputWriter.PEERS);
                    try (BufferedReader in = Files.newBufferedReader(peers, StandardCharsets.UTF_8)) {
                        List<String> columns = fields(in.readLine());
                        if (!columns.equals(RunOutputWriter.PEER_COLUMNS)) {
                            throw new IOException(peers + ": columns " + columns + ", expected "
                                    + RunOutputWriter.PEER_COLUMNS + " (written by another speedsim version?)");
                        }
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            csv.add(variant.label());
                            for (String p : parameters) {
                                csv.add(variant.parameters().getOrDefault(p, ""));
                            }
                            csv.add(r);
                            for (String field : fields(line)) {
                                csv.add(field);
                            }
                            csv.endRow();
                        }
                    }
                }
            }
        });
    }

    /** The fields of one CSV line as {@link CsvWriter} writes it (quoted fields hold no line break here). */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        if (line == null) {
            return fields;
        }
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
