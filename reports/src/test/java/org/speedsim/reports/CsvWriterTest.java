package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Report tables go through the one CSV writer and number format: {@code 30}, not {@code 30.0}; no float noise. */
class CsvWriterTest {

    @TempDir
    Path tmp;

    @Test
    void aTableIsWrittenInTheOneNumberFormat() throws IOException {
        Table t = Table.create("t", DoubleColumn.create("x", 30.0, 0.1 + 0.7, Double.NaN),
                IntColumn.create("n", 3, 4, 5), StringColumn.create("s", "a,b", "plain", ""),
                BooleanColumn.create("b", true, false, true));
        StringWriter out = new StringWriter();
        CsvWriter.write(out, t);
        assertEquals("x,n,s,b\n30,3,\"a,b\",true\n0.8,4,plain,false\n,5,,true\n", out.toString());
    }

    @Test
    void reportTablesHoldNoTrailingPointZeroAndNoFloatNoise() throws IOException {
        Fixtures.scenario(tmp.resolve("runs"), "alpha", 3);
        Report.write(RunDirectories.find(tmp.resolve("runs")), tmp.resolve("report"), ReportOptions.defaults());
        List<Path> tables;
        try (Stream<Path> s = Files.list(tmp.resolve("report/tables"))) {
            tables = s.toList();
        }
        assertEquals(3, tables.size());
        for (Path table : tables) {
            for (String line : Files.readAllLines(table)) {
                for (String field : line.split(",", -1)) {
                    assertFalse(field.matches("-?[0-9]+\\\\.0"), () -> table + ": " + field + " in " + line);
                    assertFalse(field.replaceAll("[^0-9]", "").replaceFirst("^0+", "").length() > 12,
                            () -> table + ": " + field + " has more than 12 significant digits");
                }
            }
        }
    }
}
