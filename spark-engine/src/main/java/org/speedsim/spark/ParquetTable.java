package org.speedsim.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetOptions;
import org.apache.spark.sql.execution.datasources.parquet.ParquetUtils;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.speedsim.reports.AtomicFiles;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The tidy table of runs ({@code runs.csv}: variant, parameters, replication, directory, metrics) as one Parquet file,
 * written on the driver with Spark's Parquet writer (the {@code OutputWriter} of Spark's Parquet data source, with the
 * session's settings), so no shared file system is needed: a DataFrame write would put the file on an executor.
 * Columns: {@code replication} an int, each metric a double when every value is a number (null where empty), every
 * other column a string.
 */
final class ParquetTable {

    private ParquetTable() {
    }

    /** Writes {@code csv} as {@code parquet}, atomically (through a scratch file, then {@link AtomicFiles}). */
    static void write(SparkSession spark, Path csv, Path parquet) throws IOException {
        List<List<String>> rows = Csv.parse(Files.readString(csv, StandardCharsets.UTF_8));
        List<String> header = rows.remove(0);
        int replication = header.indexOf("replication");
        int directory = header.indexOf("directory");
        List<StructField> fields = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            DataType type = c == replication ? DataTypes.IntegerType
                    : c > directory && directory >= 0 && allNumbers(rows, c) ? DataTypes.DoubleType
                    : DataTypes.StringType;
            fields.add(DataTypes.createStructField(header.get(c), type, true));
        }
        StructType schema = DataTypes.createStructType(fields);
        Path scratch = Files.createTempDirectory("speedsim-parquet-");
        try {
            Job job = Job.getInstance(spark.sessionState().newHadoopConf());
            SQLConf sql = spark.sessionState().conf();
            OutputWriterFactory factory = ParquetUtils.prepareWrite(sql, job, schema,
                    new ParquetOptions(CollectionConverters.asScala(new HashMap<String, String>()).toMap(
                            scala.$less$colon$less$.MODULE$.refl()), sql));
            Configuration conf = job.getConfiguration();
            Path file = scratch.resolve("runs.parquet");
            OutputWriter writer = factory.newInstance(file.toString(), schema,
                    new TaskAttemptContextImpl(conf, new TaskAttemptID()));
            for (List<String> row : rows) {
                Object[] values = new Object[header.size()];
                for (int c = 0; c < header.size(); c++) {
                    String text = c < row.size() ? row.get(c) : "";
                    DataType type = fields.get(c).dataType();
                    values[c] = text.isEmpty() && type != DataTypes.StringType ? null
                            : type == DataTypes.IntegerType ? (Object) Integer.parseInt(text)
                            : type == DataTypes.DoubleType ? (Object) Double.parseDouble(text)
                            : UTF8String.fromString(text);
                }
                writer.write(new GenericInternalRow(values));
            }
            writer.close();
            byte[] bytes = Files.readAllBytes(file);
            AtomicFiles.writeBytes(parquet, out -> out.write(bytes));
        } finally {
            try (var paths = Files.walk(scratch)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static boolean allNumbers(List<List<String>> rows, int column) {
        for (List<String> row : rows) {
            String text = column < row.size() ? row.get(column) : "";
            if (!text.isEmpty()) {
                try {
                    Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
