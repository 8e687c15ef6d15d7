package org.speedsim.spark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on localhost: one master and workers, each a JVM started from this test's class path
 * ({@code org.apache.spark.deploy.master.Master}, {@code org.apache.spark.deploy.worker.Worker}), no Spark
 * installation. The workers launch executors with the class path the driver gives in
 * {@code spark.executor.extraClassPath} (set by {@link #driverProperties}) under a Spark home whose {@code jars}
 * directory is empty.
 */
final class StandaloneCluster implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final List<Process> workers = new ArrayList<>();
    private final Process master;

    /** Starts the master and {@code workers} workers of one core each; returns when all registered. */
    StandaloneCluster(Path dir, int workers) throws IOException, InterruptedException {
        this.dir = dir;
        Files.createDirectories(dir.resolve("spark-home/jars"));
        // the daemons log at INFO (speedsim's own configuration says WARN): their lines tell when they are ready
        Files.writeString(dir.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level = info", "rootLogger.appenderRef.out.ref = out", "appender.out.type = Console",
                "appender.out.name = out", "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d %p %c{1}: %m%n", ""));
        this.port = freePort();
        this.master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        awaitLine(dir.resolve("master.log"), "I have been elected leader", Duration.ofSeconds(90));
        for (int w = 0; w < workers; w++) {
            startWorker(w);
        }
        awaitCount(dir.resolve("master.log"), "Registering worker", workers, Duration.ofSeconds(120));
    }

    /** Starts worker {@code w}. */
    private void startWorker(int w) throws IOException {
        workers.add(start("worker-" + w, "org.apache.spark.deploy.worker.Worker", url(), "--host", "127.0.0.1",
                "--cores", "1", "--memory", "700m", "--webui-port", Integer.toString(freePort()),
                "--work-dir", dir.resolve("work-" + w).toString()));
    }

    /** The master's URL, {@code spark://127.0.0.1:PORT}. */
    String url() {
        return "spark://127.0.0.1:" + port;
    }

    /** The driver's settings (system properties, read by {@code new SparkConf()}) for this cluster. */
    static void driverProperties() {
        System.setProperty("spark.executor.extraClassPath", testClassPath());
        System.setProperty("spark.driver.host", "127.0.0.1");
        System.setProperty("spark.driver.bindAddress", "127.0.0.1");
        System.setProperty("spark.ui.enabled", "false");
        System.setProperty("spark.executor.memory", "512m");
    }

    /** How many executors worker {@code w} has launched (its work directory holds one directory per application). */
    long executorsLaunched(int w) throws IOException {
        Path work = dir.resolve("work-" + w);
        if (!Files.isDirectory(work)) {
            return 0;
        }
        try (var apps = Files.list(work)) {
            return apps.filter(Files::isDirectory).count();
        }
    }

    /** Kills worker {@code w} and the executors it started, at once, as a machine that dies. */
    void kill(int w) throws InterruptedException {
        Process worker = workers.get(w);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
        worker.waitFor();
    }

    @Override
    public void close() {
        for (Process p : workers) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        master.destroyForcibly();
    }

    private Process start(String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties").toUri());
        command.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        command.add("-cp");
        command.add(testClassPath());
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    /** The class path Maven gave the tests (surefire's own jar only points at it). */
    static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null ? cp : System.getProperty("java.class.path");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitLine(Path log, String text, Duration timeout) throws IOException, InterruptedException {
        awaitCount(log, text, 1, timeout);
    }

    private static void awaitCount(Path log, String text, int count, Duration timeout)
            throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readString(log).split(java.util.regex.Pattern.quote(text), -1).length - 1
                    >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("no '" + text + "' in " + log + " after " + timeout + ":\n"
                + (Files.exists(log) ? Files.readString(log) : "(no log)"));
    }
}
