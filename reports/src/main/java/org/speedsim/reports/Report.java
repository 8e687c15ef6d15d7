package org.speedsim.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.speedsim.reports.format.ReportFiles;
import org.speedsim.reports.format.Tables;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A report of one or more scenarios' runs, written into one directory:
 * <pre>
 * report.html          self-contained: scenario, charts (PNG inlined as data: URIs), tables, reading guide
 * report.md            the same text and tables for a repository or a paper draft; images from charts/
 * charts/NAME.png|svg  every chart in both formats (population, availability, upload-utilisation, survival,
 *                      download-cdf,
 *                      piece-copies (piece-copies-SCENARIO with several scenarios; only when piececopies.csv
 *                      exists), and with Speed: clearing-price, tokens-paid, balance-gini, escrow-locked,
 *                      ledger-queue)
 * tables/summary-SCENARIO.csv   every numeric summary.json field: n, mean, sd, 95 % CI and its method (Wilson
 *                               for yes/no fields, Student t clipped at 0 for counts, amounts and times)
 * tables/survival-SCENARIO.csv  the Kaplan-Meier curve of swarm lifetime
 * tables/timeseries-SCENARIO.csv  every time-series column across replications: mean and 95 % CI per time
 * </pre>
 * Several scenarios are overlaid in the same charts, one colour each.
 *
 * <p>Invariant: every file is written atomically; the HTML references no file and no network resource.
 */
public final class Report {

    /** A Speed time-series chart: which column, under which file name, with which labels. */
    private record SpeedChart(String column, String name, String title, String guide) {
        /** A Gini coefficient is a fraction; every other Speed quantity is unbounded above. */
        JFreeChart chart(Map<String, Bands> groups) {
            Quantities.Quantity quantity = Quantities.of(column);
            return column.equals("balance_gini") ? Charts.fraction(title, quantity.label(), groups)
                    : Charts.timeSeries(title, quantity, groups);
        }
    }

    private static final List<SpeedChart> SPEED_CHARTS = List.of(
            new SpeedChart("clearing_price_nano_per_kib", "clearing-price", "Clearing price of unchoke slots",
                    "The mean price of the regular unchoke slots sold in each sampling interval (0: none sold). A "
                        + "rising price means leechers compete for scarce upload."),
            new SpeedChart("tokens_paid_ubtt", "tokens-paid", "Tokens paid to uploaders (cumulative)",
                    "Tokens that reached providers through closed or updated payment channels since the start."),
            new SpeedChart("balance_gini", "balance-gini", "Inequality of token balances (Gini coefficient)",
                    "Among online Speed peers. A rising Gini means tokens concentrate in a few (seeding) peers."),
            new SpeedChart("escrow_locked_ubtt", "escrow-locked", "Tokens locked in payment-channel escrow",
                    "Tokens requesters have set aside in open channels: paid-for capacity not yet settled."),
            new SpeedChart("ledger_queue", "ledger-queue", "Ledger queue: transactions waiting for confirmation",
                    "A queue that keeps growing means the ledger's throughput is the bottleneck of payments."));

    /** What was written. */
    public record Written(Path html, Path markdown, List<Path> charts, List<Path> tables) {
    }

    private final List<ScenarioResults> scenarios;
    private final Path out;
    private final ReportOptions options;
    private final List<ReportPages.Figure> figures = new ArrayList<>();
    private final List<Path> tables = new ArrayList<>();
    private final Map<String, Table> summaries = new LinkedHashMap<>();
    private final Map<String, SurvivalCurve> survival = new LinkedHashMap<>();

    private Report(List<ScenarioResults> scenarios, Path out, ReportOptions options) {
        this.scenarios = scenarios;
        this.out = out;
        this.options = options;
    }

    /**
     * Writes the report of {@code scenarios} (each with at least one complete replication) into {@code outDir}
     * (created if missing; files of the same names are replaced).
     */
    public static Written write(List<ScenarioResults> scenarios, Path outDir, ReportOptions options)
            throws IOException {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenario to report");
        }
        if (scenarios.stream().map(ScenarioResults::name).distinct().count() < scenarios.size()) {
            throw new IllegalArgumentException("scenario names must be unique in one report: "
                    + scenarios.stream().map(ScenarioResults::name).toList());
        }
        for (ScenarioResults s : scenarios) {
            if (s.replications().isEmpty()) {
                throw new IllegalArgumentException("scenario " + s.name() + " has no complete replication");
            }
        }
        return new Report(scenarios, outDir, options).write();
    }

    private Written write() throws IOException {
        Files.createDirectories(out.resolve("charts"));
        Files.createDirectories(out.resolve("tables"));
        boolean several = scenarios.size() > 1;
        Map<String, Bands> leechers = new LinkedHashMap<>();
        Map<String, Bands> seeds = new LinkedHashMap<>();
        Map<String, Bands> availability = new LinkedHashMap<>();
        Map<String, Bands> utilisation = new LinkedHashMap<>();
        Map<String, double[]> deaths = new LinkedHashMap<>();
        Map<String, double[]> downloads = new LinkedHashMap<>();
        for (ScenarioResults s : scenarios) {
            List<Replication> reps = s.replications();
            leechers.put(s.name(), Bands.of(reps, "leechers"));
            seeds.put(s.name(), Bands.of(reps, "seeds"));
            availability.put(s.name(), Bands.of(reps, "distributed_copies"));
            utilisation.put(s.name(), Bands.of(reps, "upload_utilisation"));
            deaths.put(s.name(), reps.stream().mapToDouble(Replication::deathSeconds).filter(d -> !Double.isNaN(d))
                    .toArray());
            downloadTimes(reps, several ? s.name() + ": " : "", downloads);
            survival.put(s.name(), KaplanMeier.swarmLifetime(reps));
            Table summary = SummaryTable.of(reps);
            summaries.put(s.name(), summary);
            tables.add(writeCsv(summary, "summary-" + Text.slug(s.name())));
            tables.add(writeCsv(survivalTable(survival.get(s.name())), "survival-" + Text.slug(s.name())));
            tables.add(writeCsv(bandsTable(reps), "timeseries-" + Text.slug(s.name())));
        }
        figure("population", "Leechers and seeds over time",
                Charts.population(leechers, seeds),
                "Leechers are downloading, seeds hold the whole file. A flash crowd rises fast and drains as "
                    + "leechers finish; when the seeds reach zero the swarm lives only from the pieces leechers hold.");
        figure("availability", "Availability over time", Charts.availability(availability, deaths),
                "Distributed copies = the smallest number of online copies of any piece plus the fraction of pieces "
                    + "above that minimum. At 1.0 or more the online peers together hold the whole file; below 1.0 "
                    + "some piece is missing and no newcomer can finish: the swarm is dead (dashed line).");
        figure("upload-utilisation", "Upload utilisation over time",
                Charts.fraction("Upload utilisation: share of the online peers' upload capacity in use",
                        "fraction of upload capacity in use", utilisation),
                "The total transfer rate divided by the summed upload capacity of the peers online. Upload is the "
                    + "scarce resource of a swarm: a low value with leechers waiting means peers have nothing to "
                    + "exchange or are choked, not that they lack bandwidth.");
        figure("survival", "Swarm survival (Kaplan-Meier)", Charts.survival(survival),
                "The probability that a swarm still holds the whole file after a given time, estimated across "
                    + "replications. Runs that ended with the swarm alive are censored (+): they tell that the swarm "
                    + "lived at least that long. A flat line at 1 means no swarm died within the runs.");
        figure("download-cdf", "Download times", Charts.downloadCdf(downloads),
                "For each peer class and client: the fraction of its leechers that had finished within a given "
                    + "download time (arrival to completion). Curves further left are faster; a curve that ends "
                    + "below 1 had leechers that never finished.");
        for (ScenarioResults s : scenarios) {
            pieceCopiesFigure(s);
        }
        for (SpeedChart c : SPEED_CHARTS) {
            Map<String, Bands> groups = new LinkedHashMap<>();
            for (ScenarioResults s : scenarios) {
                if (s.replications().stream().anyMatch(r -> r.hasColumn(c.column()))) {
                    groups.put(s.name(), Bands.of(s.replications(), c.column()));
                }
            }
            if (!groups.isEmpty()) {
                figure(c.name(), c.title(), c.chart(groups), c.guide());
            }
        }
        return ReportPages.writePages(out, html(), markdown(), figures, tables);
    }

    private void figure(String name, String title, JFreeChart chart, String guide) throws IOException {
        figures.add(ReportPages.figure(out, options, "Charts", name, title, chart, guide));
    }

    /** Download times (seconds, NaN: never finished) of the leechers, by "class / client", pooled. */
    private static void downloadTimes(List<Replication> reps, String prefix, Map<String, double[]> into) {
        Map<String, List<Double>> groups = new TreeMap<>();
        for (Replication r : reps) {
            Table p = r.peers();
            StringColumn cls = p.stringColumn("class");
            StringColumn client = p.stringColumn("client");
            BooleanColumn seed = p.booleanColumn("initial_seed");
            NumericColumn<?> arrival = p.numberColumn("arrival_s");
            NumericColumn<?> completion = p.numberColumn("completion_s");
            for (int i = 0; i < p.rowCount(); i++) {
                if (Boolean.TRUE.equals(seed.get(i))) {
                    continue;
                }
                double d = completion.getDouble(i) - arrival.getDouble(i);
                groups.computeIfAbsent(prefix + cls.get(i) + " / " + client.get(i), k -> new ArrayList<>()).add(d);
            }
        }
        groups.forEach((k, v) -> into.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    private void pieceCopiesFigure(ScenarioResults s) throws IOException {
        Replication rep = s.replications().stream().filter(r -> r.pieceCopies() != null).findFirst().orElse(null);
        if (rep == null) {
            return;
        }
        Table t = rep.pieceCopies();
        NumericColumn<?> time = t.numberColumn("time_s");
        NumericColumn<?> copies = t.numberColumn("copies");
        NumericColumn<?> pieces = t.numberColumn("pieces");
        TreeSet<Double> samples = new TreeSet<>();
        int maxCopies = 0;
        for (int i = 0; i < t.rowCount(); i++) {
            samples.add(time.getDouble(i));
            maxCopies = Math.max(maxCopies, (int) copies.getDouble(i));
        }
        if (samples.isEmpty()) {
            return;
        }
        Map<String, double[]> byMoment = new LinkedHashMap<>();
        for (double m : moments(samples, rep.deathSeconds(), options.moments())) {
            double[] h = new double[maxCopies + 1];
            for (int i = 0; i < t.rowCount(); i++) {
                if (time.getDouble(i) == m) {
                    h[(int) copies.getDouble(i)] += pieces.getDouble(i);
                }
            }
            byMoment.put("at " + Text.duration(m), h);
        }
        String name = scenarios.size() > 1 ? "piece-copies-" + Text.slug(s.name()) : "piece-copies";
        String title = "Piece copies: " + s.name() + ", replication " + rep.index();
        figure(name, title, Charts.pieceCopies("How many online peers hold each piece (" + s.name() + ", replication "
                        + rep.index() + ")", byMoment),
                "Each bar counts the pieces held by exactly k online peers (or a range of k) at one moment. The "
                    + "swarm is healthy "
                    + "while every piece sits far to the right; pieces at 1 copy are one departure from being lost, "
                    + "pieces at 0 are lost to the online peers.");
    }

    /**
     * The sample times to show, in order: each requested moment as the last sample at or before it (the first sample
     * when it is earlier than all); without requests, the samples at or before 1/4, 1/2 and 3/4 of the end and the end
     * itself, the end being the last sample before the death when the swarm died (NaN death: it did not).
     */
    static List<Double> moments(TreeSet<Double> samples, double death, List<Double> requested) {
        TreeSet<Double> chosen = new TreeSet<>();
        if (!requested.isEmpty()) {
            for (double m : requested) {
                Double s = samples.floor(m);
                chosen.add(s != null ? s : samples.first());
            }
            return List.copyOf(chosen);
        }
        double end = samples.last();
        if (!Double.isNaN(death)) {
            Double before = samples.lower(death);
            end = before != null ? before : samples.first();
        }
        for (int k = 1; k <= 3; k++) {
            Double s = samples.floor(end * k / 4);
            if (s != null) {
                chosen.add(s);
            }
        }
        chosen.add(end);
        return List.copyOf(chosen);
    }

    /**
     * Every time-series column across replications: {@code time_s}, {@code n} (replications running), then per
     * column its mean, ci_low and ci_high ({@link Bands}).
     */
    private static Table bandsTable(List<Replication> reps) {
        return bandsTable(reps.stream().map(Replication::timeseries).toList(), Set.of(Bands.UTILISATION));
    }

    /** {@link #bandsTable(List)} over time-series tables; the columns in {@code fractions} are shares in [0, 1]. */
    static Table bandsTable(List<Table> reps, Set<String> fractions) {
        List<String> columns = new ArrayList<>();
        for (Table r : reps) {
            for (String c : r.columnNames()) {
                if (!c.equals("time_s") && !columns.contains(c)) {
                    columns.add(c);
                }
            }
        }
        Bands first = Bands.of(reps, "time_s", false);
        Table t = Table.create("timeseries", DoubleColumn.create("time_s", first.time()),
                IntColumn.create("n", first.n()));
        for (String c : columns) {
            Bands b = Bands.of(reps, c, fractions.contains(c));
            double[] mean = new double[first.size()];
            double[] lower = new double[first.size()];
            double[] upper = new double[first.size()];
            java.util.Arrays.fill(mean, Double.NaN);
            java.util.Arrays.fill(lower, Double.NaN);
            java.util.Arrays.fill(upper, Double.NaN);
            int j = 0;
            for (int i = 0; i < first.size() && j < b.size(); i++) {
                if (b.time()[j] == first.time()[i]) {
                    mean[i] = b.mean()[j];
                    lower[i] = b.lower()[j];
                    upper[i] = b.upper()[j];
                    j++;
                }
            }
            List<String> suffix = ReportFiles.BAND_SUFFIXES;
            t.addColumns(DoubleColumn.create(c + suffix.get(0), mean), DoubleColumn.create(c + suffix.get(1), lower),
                    DoubleColumn.create(c + suffix.get(2), upper));
        }
        return t;
    }

    private static Table survivalTable(SurvivalCurve c) {
        List<ReportFiles.SurvivalRow> rows = new ArrayList<>();
        for (int i = 0; i < c.times().length; i++) {
            rows.add(new ReportFiles.SurvivalRow(c.times()[i], c.atRisk()[i], c.events()[i], c.survival()[i],
                    c.lower()[i], c.upper()[i]));
        }
        return Tables.of("survival", ReportFiles.SURVIVAL, rows);
    }

    private Path writeCsv(Table t, String name) throws IOException {
        return ReportPages.writeCsv(out, t, name);
    }

    private String title() {
        return "speedsim report: " + String.join(", ", scenarios.stream().map(ScenarioResults::name).toList());
    }

    private String overview() {
        StringBuilder b = new StringBuilder();
        for (ScenarioResults s : scenarios) {
            SurvivalCurve c = survival.get(s.name());
            int died = c.subjects() - c.censored().length;
            b.append(s.name()).append(": ").append(s.replications().size()).append(" replication")
                    .append(s.replications().size() == 1 ? "" : "s").append(", ").append(died)
                    .append(died == 1 ? " swarm" : " swarms").append(" died");
            if (!Double.isNaN(c.median())) {
                b.append(", median swarm lifetime ").append(Text.duration(c.median()));
            }
            if (!s.skipped().isEmpty()) {
                b.append(" (").append(s.skipped().size()).append(" incomplete replication directories skipped)");
            }
            b.append(". ");
        }
        return b.toString().strip();
    }

    private static final String GUIDE = "How to read this report: every chart shows time in simulated minutes or "
            + "hours since the run started. With several replications a line is the mean over the replications "
            + "still running at that time and the shaded band is the 95 % confidence interval of that mean; with "
            + "several scenarios each has its own colour. The tables give every numeric field of summary.json "
            + "(times in seconds, data in bytes, tokens in micro-BTT; booleans as 0/1, so a mean is a fraction) with "
            + "its mean, standard deviation and 95 % confidence interval across replications (Wilson's for yes/no "
            + "fields, whose mean is a proportion; Student's t clipped at 0 for counts, amounts and times; the "
            + "interval column says which); n counts the replications where the field had a value.";

    private String html() {
        StringBuilder h = ReportPages.htmlStart(title(), overview(), GUIDE);
        ReportPages.htmlFigures(h, figures, options);
        ReportPages.htmlTables(h, "Summary tables", summaries);
        return ReportPages.htmlEnd(h, scenarioYamls(), NO_YAML);
    }

    private String markdown() {
        StringBuilder m = ReportPages.markdownStart(title(), overview(), GUIDE);
        ReportPages.markdownFigures(m, figures);
        ReportPages.markdownTables(m, "Summary tables", summaries);
        return ReportPages.markdownEnd(m, scenarioYamls(), NO_YAML);
    }

    private static final String NO_YAML = "(built in memory: no scenario.yaml)";

    /** Each scenario's scenario.yaml as run, by name; null when it was built in memory. */
    private Map<String, String> scenarioYamls() {
        Map<String, String> yamls = new LinkedHashMap<>();
        for (ScenarioResults s : scenarios) {
            yamls.put(s.name(), s.replications().get(0).scenarioYaml());
        }
        return yamls;
    }
}
