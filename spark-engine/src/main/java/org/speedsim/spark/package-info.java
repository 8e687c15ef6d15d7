/**
 * The Apache Spark engine of {@code compare}, {@code sweep} and {@code tune} ({@code --engine spark --master URL}):
 * each replication is one Spark task whose files come back to the driver, which writes them as a local run would;
 * the tidy table is also written as Parquet with Spark's Parquet writer.
 */
package org.speedsim.spark;
