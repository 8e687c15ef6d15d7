package org.speedsim.spark;

import java.io.File;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.speedsim.cli.ClusterEngine;
import org.speedsim.cli.SpeedsimCommand;

/**
 * {@code --engine spark}: starts a Spark application ("speedsim") on the master given, or on the one
 * {@code spark-submit} configured ({@code spark.master}), else {@code local[*]}. The jars holding speedsim's classes
 * are shipped to the executors ({@code spark.jars}), so the cluster needs nothing of speedsim installed.
 */
public final class SparkEngine implements ClusterEngine {

    /** The master URLs Spark 4 takes (checked first, so a typo is one line, not Spark's stack trace). */
    private static final java.util.regex.Pattern MASTER = java.util.regex.Pattern.compile(
            "local|local\\[(\\*|[1-9][0-9]*)(,[0-9]+)?\\]|local-cluster\\[[0-9]+,[0-9]+,[0-9]+\\]"
                    + "|spark://[^\\s]+|yarn|k8s://[^\\s]+");

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Session open(String master, PrintWriter notes) {
        if (master != null && !MASTER.matcher(master).matches()) {
            throw new IllegalArgumentException("--master " + master + ": not a Spark master; expected local, local[N], "
                    + "local[*], spark://HOST:PORT, yarn or k8s://URL");
        }
        SparkConf conf = new SparkConf().setAppName("speedsim");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        // results are consumed one by one as they arrive, never collected at once
        conf.setIfMissing("spark.driver.maxResultSize", "0");
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        Set<String> jars = new LinkedHashSet<>();
        for (String jar : conf.get("spark.jars", "").split(",")) {
            if (!jar.isBlank()) {
                jars.add(jar);
            }
        }
        for (String jar : applicationJars()) {
            // spark-submit names its application jar already (as a path or a URL)
            String name = new File(jar).getName();
            if (jars.stream().noneMatch(j -> j.endsWith("/" + name) || j.equals(name))) {
                jars.add(jar);
            }
        }
        conf.set("spark.jars", String.join(",", jars));
        try {
            SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
            return new SparkRuns(spark);
        } catch (Exception e) { // Spark's own SparkException is checked but not declared
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException("--engine spark: cannot start on master " + conf.get("spark.master")
                    + ": " + message, e);
        }
    }

    /** The jar files (not class directories) that hold speedsim's command line and this engine. */
    private static Set<String> applicationJars() {
        Set<String> jars = new LinkedHashSet<>();
        for (Class<?> c : new Class<?>[] {SpeedsimCommand.class, SparkEngine.class}) {
            try {
                var source = c.getProtectionDomain().getCodeSource();
                if (source != null) {
                    File file = new File(source.getLocation().toURI());
                    if (file.isFile() && file.getName().endsWith(".jar")) {
                        jars.add(file.getAbsolutePath());
                    }
                }
            } catch (URISyntaxException | SecurityException e) {
                // a class without a file location is on the executors' class path already
            }
        }
        return jars;
    }
}
