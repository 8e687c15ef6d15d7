package org.speedsim.spark;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.speedsim.cli.ClusterEngine;
import org.speedsim.cli.RemoteRun;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction0;
import scala.runtime.AbstractFunction1;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A running Spark application executing runs: one partition, hence one task, per run; each task's result (the run's
 * files) reaches the driver as soon as the task ends ({@code SparkContext.submitJob}'s result handler) and is handed
 * to the caller's thread, which writes it.
 *
 * <p>Invariant: Spark delivers one result per partition, the first successful attempt's; a task whose executor died
 * is run again from the same {@link RemoteRun}, so it gives the same bytes.
 */
final class SparkRuns implements ClusterEngine.Session {

    private final SparkSession spark;
    private volatile List<RemoteRun> current = List.of();
    private volatile ClusterEngine.Listener listener;

    SparkRuns(SparkSession spark) {
        this.spark = spark;
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskStart(SparkListenerTaskStart start) {
                List<RemoteRun> runs = current;
                ClusterEngine.Listener l = listener;
                int index = start.taskInfo().index();
                if (l != null && index < runs.size()) {
                    l.started(runs.get(index).task());
                }
            }
        });
    }

    @Override
    public void run(List<RemoteRun> runs, ClusterEngine.Listener listener) throws InterruptedException {
        BlockingQueue<RemoteRun.Result> results = new LinkedBlockingQueue<>();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        RDD<RemoteRun> rdd = context.parallelize(runs, runs.size()).rdd();
        List<Object> partitions = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            partitions.add(i);
        }
        this.current = List.copyOf(runs);
        this.listener = listener;
        SimpleFutureAction<BoxedUnit> job = spark.sparkContext().submitJob(rdd, new Execute(),
                CollectionConverters.asScala(partitions).toSeq(), new Deliver(results), new Nothing());
        int delivered = 0;
        try {
            while (delivered < runs.size()) {
                RemoteRun.Result result = results.poll(200, TimeUnit.MILLISECONDS);
                if (result != null) {
                    listener.finished(result);
                    delivered++;
                } else if (job.isCompleted() && results.isEmpty()) {
                    throw new IllegalStateException("Spark gave up: " + failure(job));
                }
            }
        } catch (InterruptedException e) {
            job.cancel();
            throw e;
        } finally {
            this.listener = null;
            this.current = List.of();
        }
    }

    private static String failure(SimpleFutureAction<BoxedUnit> job) {
        var value = job.value();
        if (value.isDefined() && value.get().isFailure()) {
            Throwable e = value.get().failed().get();
            return e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
        }
        return "the job ended without every result";
    }

    @Override
    public void writeParquet(Path csv, Path parquet) throws IOException {
        ParquetTable.write(spark, csv, parquet);
    }

    @Override
    public void close() {
        spark.stop();
    }

    /** The task: runs the partition's one replication. */
    private static final class Execute extends AbstractFunction1<Iterator<RemoteRun>, RemoteRun.Result>
            implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public RemoteRun.Result apply(Iterator<RemoteRun> runs) {
            return runs.next().execute();
        }
    }

    /** On the driver, for each task's result: queues it for the caller's thread. */
    private static final class Deliver extends AbstractFunction2<Object, RemoteRun.Result, BoxedUnit>
            implements Serializable {
        private static final long serialVersionUID = 1L;
        private final transient BlockingQueue<RemoteRun.Result> results;

        Deliver(BlockingQueue<RemoteRun.Result> results) {
            this.results = results;
        }

        @Override
        public BoxedUnit apply(Object partition, RemoteRun.Result result) {
            results.add(result);
            return BoxedUnit.UNIT;
        }
    }

    /** The job's overall value: nothing, every result went through {@link Deliver}. */
    private static final class Nothing extends AbstractFunction0<BoxedUnit> implements Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public BoxedUnit apply() {
            return BoxedUnit.UNIT;
        }
    }
}
