package org.speedsim.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.speedsim.engine.world.WorldColumns;
import org.speedsim.reports.format.Column;
import org.speedsim.reports.format.ReportFiles;
import org.speedsim.reports.format.ReportFiles.LorenzRow;
import org.speedsim.reports.format.ReportFiles.RequestSuccessRow;
import org.speedsim.reports.format.ReportFiles.TokenFlowRow;
import org.speedsim.reports.format.ReportFiles.TorrentSurvivalRow;
import org.speedsim.reports.format.Tables;
import org.speedsim.reports.format.WorldFiles;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The report of world runs (many torrents, persistent users), written into one directory:
 * <pre>
 * report.html, report.md       self-contained HTML (charts inlined) and Markdown (images from charts/)
 * charts/world-availability[-SCENARIO]     share of released torrents available, per popularity decile, over time
 * charts/world-request-success[-SCENARIO]  share of requests completed, per decile, by the time they were made
 * charts/world-survival[-SCENARIO]         Kaplan-Meier survival of torrents (release to first unavailability)
 * charts/world-lorenz[-SCENARIO]           Lorenz curves of the Speed users' balances at a few moments
 * charts/world-gini                        Gini coefficient of balances over time, one line per scenario
 * charts/world-tokens[-SCENARIO]           tokens held, in escrow, airdropped and moved (cumulative) over time
 * tables/world-summary-SCENARIO.csv, world-timeseries-, world-request-success-, world-survival-, world-lorenz-,
 * world-tokens-SCENARIO.csv                (columns in docs/run-directory.md)
 * </pre>
 * Charts get the {@code -SCENARIO} suffix only when the report has several scenarios (a comparison such as all
 * legacy against all Speed); several replications of one scenario give means with 95 % intervals.
 *
 * <p>Invariant: the same replication directories give the same bytes in every file (replications are taken in
 * index order, whatever order the directories are given in); every file is written atomically.
 */
public final class WorldReport {

    /** Time bins of the request-success chart and table. */
    public static final int REQUEST_BINS = 12;

    /** The token-flow table's extra row: Gini of the final balances in {@code users.csv}. */
    public static final String FINAL_BALANCE_GINI = "final_balance_gini";

    /** Cumulative columns added to the time series for the token chart and table. */
    static final String AIRDROPPED_CUMULATIVE = "tokens_airdropped_cum_ubtt";
    static final String MOVED_CUMULATIVE = "tokens_moved_cum_ubtt";

    private static final List<String> TOKEN_FIELDS = List.of(WorldFiles.AIRDROPPED, WorldFiles.SPENT,
            WorldFiles.EARNED, WorldFiles.SETTLED, WorldFiles.FUNDED_BY_EARNINGS, WorldFiles.VELOCITY);

    /** One scenario's complete replications, in index order. */
    public record Scenario(String name, List<WorldReplication> replications) {
        public Scenario {
            replications = replications.stream().sorted(Comparator.comparingInt(WorldReplication::index)).toList();
        }
    }

    private final List<Scenario> scenarios;
    private final List<Path> skipped;
    private final Path out;
    private final ReportOptions options;
    private final List<ReportPages.Figure> figures = new ArrayList<>();
    private final List<Path> tables = new ArrayList<>();
    private final Map<String, Table> tokenTables = new LinkedHashMap<>();
    private final Map<String, Table> summaries = new LinkedHashMap<>();
    private final Map<String, Map<Integer, SurvivalCurve>> survival = new LinkedHashMap<>();

    private WorldReport(List<Scenario> scenarios, List<Path> skipped, Path out, ReportOptions options) {
        this.scenarios = scenarios;
        this.skipped = skipped;
        this.out = out;
        this.options = options;
    }

    /**
     * Writes the report of world replication directories into {@code outDir} (created if missing; files of the
     * same names are replaced). Directories are grouped into scenarios by their summary's {@code scenario} name, in
     * the order the names first appear; incomplete directories (no {@code summary.json} yet) are skipped and named
     * in the report.
     *
     * @throws IllegalArgumentException when no directory is a complete world replication
     * @throws DamagedResultException   when a file is not as speedsim writes it
     */
    public static Report.Written write(List<Path> replicationDirs, Path outDir, ReportOptions options)
            throws IOException {
        Map<String, List<WorldReplication>> byName = new LinkedHashMap<>();
        List<Path> skipped = new ArrayList<>();
        for (Path dir : replicationDirs) {
            if (!WorldReplication.isComplete(dir)) {
                skipped.add(dir);
                continue;
            }
            WorldReplication r = WorldReplication.read(dir);
            byName.computeIfAbsent(r.scenario(), k -> new ArrayList<>()).add(r);
        }
        if (byName.isEmpty()) {
            throw new IllegalArgumentException("no complete world replication among " + replicationDirs);
        }
        List<Scenario> scenarios = new ArrayList<>();
        byName.forEach((name, reps) -> scenarios.add(new Scenario(name, reps)));
        return write(scenarios, skipped, outDir, options);
    }

    /** Writes the report of {@code scenarios} (unique names, each with a replication) into {@code outDir}. */
    public static Report.Written write(List<Scenario> scenarios, List<Path> skipped, Path outDir,
                                       ReportOptions options) throws IOException {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no world scenario to report");
        }
        if (scenarios.stream().map(Scenario::name).distinct().count() < scenarios.size()) {
            throw new IllegalArgumentException("scenario names must be unique in one report: "
                    + scenarios.stream().map(Scenario::name).toList());
        }
        for (Scenario s : scenarios) {
            if (s.replications().isEmpty()) {
                throw new IllegalArgumentException("world scenario " + s.name() + " has no complete replication");
            }
        }
        return new WorldReport(List.copyOf(scenarios), List.copyOf(skipped), outDir, options).write();
    }

    private Report.Written write() throws IOException {
        Files.createDirectories(out.resolve("charts"));
        Files.createDirectories(out.resolve("tables"));
        boolean several = scenarios.size() > 1;
        Map<String, Bands> gini = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            String slug = Text.slug(s.name());
            String suffix = several ? "-" + slug : "";
            String of = several ? " (" + s.name() + ")" : "";
            List<Table> series = series(s.replications());
            availability(s, series, suffix, of);
            requestSuccess(s, slug, suffix, of);
            survival(s, slug, suffix, of);
            lorenz(s, series, slug, suffix, of);
            gini.put(s.name(), Bands.of(series, "balance_gini", true));
            tokens(s, series, slug, suffix, of);
            Table summary = SummaryTable.ofSummaries(s.replications().stream().map(WorldReplication::summary)
                    .toList());
            summaries.put(s.name(), summary);
            tables.add(writeCsv(summary, "world-summary-" + slug));
            tables.add(writeCsv(Report.bandsTable(series, fractionColumns()), "world-timeseries-" + slug));
        }
        figure("Balances", "world-gini", "Inequality of balances over time",
                Charts.fraction("Gini coefficient of the Speed users' balances", "Gini coefficient", gini),
                "0: every Speed user holds the same; towards 1: a few hold everything. The airdrop starts everyone "
                    + "equal; a rising Gini means tokens flow to the users who seed what others want.");
        figures.sort(Comparator.comparingInt(f -> SECTIONS.indexOf(f.section())));
        return ReportPages.writePages(out, html(), markdown(), figures, tables);
    }

    private static final List<String> SECTIONS = List.of("Availability and request success by popularity",
            "Survival of torrents", "Balances", "Token flows");

    /** Each replication's time series with the cumulative token columns added. */
    private static List<Table> series(List<WorldReplication> reps) {
        List<Table> out = new ArrayList<>();
        for (WorldReplication r : reps) {
            Table t = r.timeseries().copy();
            t.addColumns(cumulative(t, "tokens_airdropped_ubtt", AIRDROPPED_CUMULATIVE),
                    cumulative(t, "tokens_moved_ubtt", MOVED_CUMULATIVE));
            out.add(t);
        }
        return out;
    }

    private static DoubleColumn cumulative(Table t, String column, String name) {
        double[] v = t.columnNames().contains(column) ? t.numberColumn(column).asDoubleArray()
                : new double[t.rowCount()];
        double sum = 0;
        double[] c = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            sum += Double.isNaN(v[i]) ? 0 : v[i];
            c[i] = sum;
        }
        return DoubleColumn.create(name, c);
    }

    private static Set<String> fractionColumns() {
        Set<String> f = new LinkedHashSet<>(List.of("balance_gini", "unaffordable_share"));
        for (int d = 1; d <= WorldColumns.DECILES; d++) {
            f.add(WorldFiles.availableShareColumn(d));
        }
        for (int p = 10; p <= 90; p += 10) {
            f.add(WorldFiles.lorenzColumn(p));
        }
        return f;
    }

    private void availability(Scenario s, List<Table> series, String suffix, String of) throws IOException {
        Map<Integer, Bands> byDecile = new LinkedHashMap<>();
        for (int d = 1; d <= WorldColumns.DECILES; d++) {
            byDecile.put(d, Bands.of(series, WorldFiles.availableShareColumn(d), true));
        }
        figure(SECTIONS.get(0), "world-availability" + suffix, "Availability by popularity decile" + of,
                WorldCharts.deciles("Share of released torrents available, by popularity decile" + of,
                        "share of the decile's released torrents available", byDecile, ""),
                "A torrent is available while the peers online in its swarm hold every piece between them. If "
                    + "payments keep the long tail alive, the light (unpopular) deciles stay up with the dark ones.");
    }

    private void requestSuccess(Scenario s, String slug, String suffix, String of) throws IOException {
        List<RequestSuccessRow> rows = RequestSuccessBins.of(s.replications(), REQUEST_BINS);
        tables.add(writeCsv(Tables.of("request-success", ReportFiles.WORLD_REQUEST_SUCCESS, rows),
                "world-request-success-" + slug));
        Map<Integer, Bands> byDecile = new LinkedHashMap<>();
        for (int d = 1; d <= WorldColumns.DECILES; d++) {
            int decile = d;
            List<RequestSuccessRow> in = rows.stream().filter(r -> r.decile() == decile).toList();
            int k = in.size();
            double[] time = new double[k];
            double[] mean = new double[k];
            double[] low = new double[k];
            double[] high = new double[k];
            int[] n = new int[k];
            for (int i = 0; i < k; i++) {
                RequestSuccessRow r = in.get(i);
                time[i] = (r.from() + r.to()) / 2;
                mean[i] = r.mean();
                low[i] = Double.isNaN(r.low()) ? r.mean() : r.low();
                high[i] = Double.isNaN(r.high()) ? r.mean() : r.high();
                n[i] = r.replications();
            }
            byDecile.put(d, new Bands("request_success_d" + d, time, mean, low, high, n, 0));
        }
        figure(SECTIONS.get(0), "world-request-success" + suffix, "Request success by popularity decile" + of,
                WorldCharts.deciles("Share of requests completed, by popularity decile and request time" + of,
                        "share of requests completed", byDecile, "; points at the middle of " + REQUEST_BINS
                                + " time bins"),
                "Requests are binned by the time they were made; a request still open at the end counts as not "
                    + "completed, so the last bin understates success. A decile without requests in a bin has no "
                    + "point there.");
    }

    private void survival(Scenario s, String slug, String suffix, String of) throws IOException {
        Map<Integer, SurvivalCurve> curves = TorrentLifetimes.byDecile(s.replications());
        survival.put(s.name(), curves);
        List<TorrentSurvivalRow> rows = new ArrayList<>();
        Map<String, SurvivalCurve> labelled = new LinkedHashMap<>();
        curves.forEach((d, c) -> {
            labelled.put(WorldCharts.label(d), c);
            for (int i = 0; i < c.times().length; i++) {
                rows.add(new TorrentSurvivalRow(d, c.times()[i], c.atRisk()[i], c.events()[i], c.survival()[i],
                        c.lower()[i], c.upper()[i]));
            }
        });
        tables.add(writeCsv(Tables.of("survival", ReportFiles.WORLD_SURVIVAL, rows), "world-survival-" + slug));
        int runs = s.replications().size();
        figure(SECTIONS.get(1), "world-survival" + suffix, "Survival of torrents by popularity decile" + of,
                Charts.survival(labelled, "Torrent survival: time from release until the torrent became unavailable"
                        + of, "probability the torrent is still available", "age of the torrent",
                        (subjects, events) -> "Kaplan-Meier estimate per decile over " + subjects + " torrents of "
                                + runs + " replication" + (runs == 1 ? "" : "s") + ", " + events + " became "
                                + "unavailable; shaded: 95 % band (log-log); +: still available at the end (censored)",
                        WorldCharts.decileColours(curves.keySet())),
                "Each torrent's life runs from its release (for the initial catalogue: the start of the world) to "
                    + "the first moment its online peers lacked a piece. "
                    + "The literature predicts popular torrents live longer (dark curves above light ones); the "
                    + "question is whether paying for slots lifts the light curves.");
    }

    private void lorenz(Scenario s, List<Table> series, String slug, String suffix, String of) throws IOException {
        TreeSet<Double> samples = new TreeSet<>();
        for (Table t : series) {
            for (double v : t.numberColumn("time_s").asDoubleArray()) {
                samples.add(v);
            }
        }
        if (samples.isEmpty()) {
            return;
        }
        List<LorenzRow> rows = new ArrayList<>();
        Map<String, double[][]> curves = new LinkedHashMap<>();
        for (double m : Report.moments(samples, Double.NaN, options.moments())) {
            double[] x = new double[11];
            double[] y = new double[11];
            double[] px = new double[9];
            double[] py = new double[9];
            for (int p = 10; p <= 90; p += 10) {
                double[] at = new double[series.size()];
                for (int r = 0; r < series.size(); r++) {
                    at[r] = valueAt(series.get(r), WorldFiles.lorenzColumn(p), m);
                }
                MeanCi ci = MeanCi.of(at, 0.95);
                rows.add(new LorenzRow(m, p / 100.0, ci.n(), ci.mean(),
                        ci.n() > 1 ? Math.max(0, ci.lower()) : Double.NaN,
                        ci.n() > 1 ? Math.min(1, ci.upper()) : Double.NaN));
                x[p / 10] = p / 100.0;
                y[p / 10] = ci.mean();
                px[p / 10 - 1] = p / 100.0;
                py[p / 10 - 1] = ci.mean();
            }
            x[10] = 1;
            y[10] = 1;
            double g = Lorenz.ofPoints(px, py).gini();
            curves.put("at " + Text.duration(m) + " (Gini " + Text.number(g) + ")", new double[][] {x, y});
        }
        tables.add(writeCsv(Tables.of("lorenz", ReportFiles.WORLD_LORENZ, rows), "world-lorenz-" + slug));
        figure(SECTIONS.get(2), "world-lorenz" + suffix, "Distribution of balances (Lorenz curves)" + of,
                WorldCharts.lorenz("Lorenz curves of the Speed users' balances" + of, curves,
                        s.replications().size()),
                "At each moment: the share of all tokens held by the poorest 10 %, 20 %, ... of the Speed users "
                    + "who had arrived. The Gini in the legend is computed from these ten points, a lower bound of "
                    + "the exact one (balance_gini in the time series).");
    }

    /** The value of {@code column} at the last sample at or before {@code time}; NaN when the run ended earlier. */
    private static double valueAt(Table t, String column, double time) {
        double[] times = t.numberColumn("time_s").asDoubleArray();
        if (times.length == 0 || time > times[times.length - 1] || !t.columnNames().contains(column)) {
            return Double.NaN;
        }
        NumericColumn<?> v = t.numberColumn(column);
        int at = 0;
        for (int i = 0; i < times.length && times[i] <= time; i++) {
            at = i;
        }
        return v.getDouble(at);
    }

    private void tokens(Scenario s, List<Table> series, String slug, String suffix, String of) throws IOException {
        List<TokenFlowRow> rows = new ArrayList<>();
        for (String field : TOKEN_FIELDS) {
            Column<?> declared = WorldFiles.SUMMARY_FIELDS.stream().filter(c -> c.name().equals(field)).findFirst()
                    .orElseThrow();
            double[] v = s.replications().stream().mapToDouble(r -> r.number(field)).toArray();
            rows.add(flow(field, declared.unit(), declared.meaning(), v,
                    field.equals(WorldFiles.FUNDED_BY_EARNINGS)));
        }
        double[] finalGini = s.replications().stream().mapToDouble(WorldReport::finalBalanceGini).toArray();
        rows.add(flow(FINAL_BALANCE_GINI, "", "Gini of the final balances of the users who received an airdrop "
                + "(users.csv); null when they hold nothing", finalGini, true));
        Table table = Tables.of("tokens", ReportFiles.WORLD_TOKENS, rows);
        tokenTables.put(s.name(), table);
        tables.add(writeCsv(table, "world-tokens-" + slug));
        Map<String, Bands> groups = new LinkedHashMap<>();
        groups.put("held in wallets", Bands.of(series, "tokens_held_ubtt", false));
        groups.put("locked in escrow", Bands.of(series, "tokens_escrowed_ubtt", false));
        groups.put("airdropped (cumulative)", Bands.of(series, AIRDROPPED_CUMULATIVE, false));
        groups.put("moved to payees (cumulative)", Bands.of(series, MOVED_CUMULATIVE, false));
        figure(SECTIONS.get(3), "world-tokens" + suffix, "Where tokens are" + of,
                Charts.timeSeries("Tokens held, in escrow, airdropped and moved to payees" + of, "tokens (BTT)", 1e6,
                        groups),
                "The airdrop is the whole supply: held plus escrowed stays at the cumulative airdrop when tokens "
                    + "are conserved. The cumulative tokens moved to payees, against the supply, is the token "
                    + "velocity; the table gives the share of spending funded by earnings rather than airdrop.");
    }

    private static TokenFlowRow flow(String field, String unit, String meaning, double[] v, boolean fraction) {
        MeanCi ci = MeanCi.of(v, 0.95);
        double low = ci.n() > 1 ? Math.max(0, ci.lower()) : Double.NaN;
        double high = ci.n() > 1 ? (fraction ? Math.min(1, ci.upper()) : ci.upper()) : Double.NaN;
        return new TokenFlowRow(field, unit, meaning, ci.n(), ci.mean(), low, high);
    }

    /** Gini of the final balances of the users with an airdrop in one replication's users.csv. */
    static double finalBalanceGini(WorldReplication r) {
        Table u = r.users();
        if (!u.columnNames().contains("airdrop_ubtt") || !u.columnNames().contains("final_balance_ubtt")) {
            return Double.NaN;
        }
        NumericColumn<?> airdrop = u.numberColumn("airdrop_ubtt");
        NumericColumn<?> balance = u.numberColumn("final_balance_ubtt");
        List<Double> held = new ArrayList<>();
        for (int i = 0; i < u.rowCount(); i++) {
            if (airdrop.getDouble(i) > 0 && balance.getDouble(i) >= 0) {
                held.add(balance.getDouble(i));
            }
        }
        return Lorenz.of(held.stream().mapToDouble(Double::doubleValue).toArray()).gini();
    }

    private void figure(String section, String name, String title, JFreeChart chart, String guide)
            throws IOException {
        figures.add(ReportPages.figure(out, options, section, name, title, chart, guide));
    }

    private Path writeCsv(Table t, String name) throws IOException {
        return ReportPages.writeCsv(out, t, name);
    }

    private String title() {
        return "speedsim world report: " + String.join(", ", scenarios.stream().map(Scenario::name).toList());
    }

    private String overview() {
        StringBuilder b = new StringBuilder();
        for (Scenario s : scenarios) {
            int torrents = 0;
            int died = 0;
            for (SurvivalCurve c : survival.get(s.name()).values()) {
                torrents += c.subjects();
                for (int e : c.events()) {
                    died += e;
                }
            }
            double success = MeanCi.of(s.replications().stream().mapToDouble(r -> r.number(
                    WorldFiles.REQUEST_SUCCESS)).toArray()).mean();
            b.append(s.name()).append(": ").append(s.replications().size()).append(" replication")
                    .append(s.replications().size() == 1 ? "" : "s").append(", ").append(torrents)
                    .append(" torrents released over them, ").append(died).append(" became unavailable, mean request success ")
                    .append(Text.number(success)).append(". ");
        }
        if (!skipped.isEmpty()) {
            b.append(skipped.size()).append(" incomplete replication director").append(skipped.size() == 1 ? "y"
                    : "ies").append(" skipped.");
        }
        return b.toString().strip();
    }

    private static final String GUIDE = "How to read this report: time is simulated time since the world started. "
            + "Popularity deciles rank the catalogue by popularity, decile 1 the most popular tenth. With several "
            + "replications a line is the mean over the replications and the shaded band its 95 % confidence "
            + "interval (Student t; survival curves: Kaplan-Meier with a log-log band, torrents of all replications "
            + "pooled). Tokens are in BTT on the charts and in micro-BTT in the tables.";

    private String html() {
        StringBuilder h = ReportPages.htmlStart(title(), overview(), GUIDE);
        ReportPages.htmlFigures(h, figures, options);
        ReportPages.htmlTables(h, "Token flow tables", tokenTables);
        ReportPages.htmlTables(h, "Summary tables", summaries);
        return ReportPages.htmlEnd(h, scenarioYamls(), NO_YAML);
    }

    private String markdown() {
        StringBuilder m = ReportPages.markdownStart(title(), overview(), GUIDE);
        ReportPages.markdownFigures(m, figures);
        ReportPages.markdownTables(m, "Token flow tables", tokenTables);
        ReportPages.markdownTables(m, "Summary tables", summaries);
        return ReportPages.markdownEnd(m, scenarioYamls(), NO_YAML);
    }

    private static final String NO_YAML = "(no scenario.yaml)";

    /** Each scenario's scenario.yaml (of its first replication), by name; null when there is none. */
    private Map<String, String> scenarioYamls() {
        Map<String, String> yamls = new LinkedHashMap<>();
        for (Scenario s : scenarios) {
            yamls.put(s.name(), scenarioYaml(s));
        }
        return yamls;
    }

    private static String scenarioYaml(Scenario s) {
        Path dir = s.replications().get(0).dir();
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve("scenario.yaml");
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        } catch (IOException e) {
            return null;
        }
    }
}
