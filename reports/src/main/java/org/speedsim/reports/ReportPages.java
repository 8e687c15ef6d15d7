package org.speedsim.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * The page layout {@link Report} and {@link WorldReport} share: chart and table files, the self-contained HTML
 * page (head and style, figures under section headings, tables, scenarios as run) and its Markdown twin. Each
 * report keeps its own content (title, overview, guide, which figures and tables).
 */
final class ReportPages {

    /** A chart of a report under a section heading, with its files and how to read it. */
    record Figure(String section, String name, String title, String guide, byte[] png, ChartFiles.Written files) {
    }

    private ReportPages() {
    }

    /** Writes {@code chart} as {@code out/charts/NAME.png|svg} and returns it as a figure of {@code section}. */
    static Figure figure(Path out, ReportOptions options, String section, String name, String title,
                         JFreeChart chart, String guide) throws IOException {
        ChartFiles.Written files = ChartFiles.write(chart, out.resolve("charts"), name, options.width(),
                options.height());
        return new Figure(section, name, title, guide, Files.readAllBytes(files.png()), files);
    }

    /** Writes {@code t} as {@code out/tables/NAME.csv}. */
    static Path writeCsv(Path out, Table t, String name) throws IOException {
        Path file = out.resolve("tables").resolve(name + ".csv");
        AtomicFiles.write(file, o -> CsvWriter.write(o, t));
        return file;
    }

    /** Writes {@code report.html} and {@code report.md} into {@code out}; the figures' PNG and SVG files follow. */
    static Report.Written writePages(Path out, String html, String markdown, List<Figure> figures, List<Path> tables)
            throws IOException {
        Path htmlFile = out.resolve("report.html");
        Path mdFile = out.resolve("report.md");
        AtomicFiles.write(htmlFile, html);
        AtomicFiles.write(mdFile, markdown);
        List<Path> charts = new ArrayList<>();
        for (Figure f : figures) {
            charts.add(f.files().png());
            charts.add(f.files().svg());
        }
        return new Report.Written(htmlFile, mdFile, charts, List.copyOf(tables));
    }

    /** The HTML page up to its title, overview and reading guide. */
    static StringBuilder htmlStart(String title, String overview, String guide) {
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n<title>").append(Text.xml(title)).append("</title>\n")
                .append("<style>\nbody{font-family:sans-serif;max-width:62em;margin:2em auto;padding:0 1em;"
                        + "color:#222;line-height:1.45}\nimg{max-width:100%;height:auto;border:1px solid #ddd}\n"
                        + "table{border-collapse:collapse;font-size:.85em;margin:.5em 0 1.5em}\n"
                        + "td,th{border:1px solid #ccc;padding:.15em .5em;text-align:right}\n"
                        + "td:first-child,th:first-child{text-align:left}\npre{background:#f6f6f6;padding:.8em;"
                        + "overflow:auto;font-size:.8em}\nfigure{margin:1.5em 0}\nfigcaption{color:#444}\n"
                        + "</style>\n</head>\n<body>\n");
        h.append("<h1>").append(Text.xml(title)).append("</h1>\n");
        h.append("<p>").append(Text.xml(overview)).append("</p>\n");
        h.append("<p>").append(Text.xml(guide)).append("</p>\n");
        return h;
    }

    /** The figures with their PNG inlined, a section heading before each run of figures of one section. */
    static void htmlFigures(StringBuilder h, List<Figure> figures, ReportOptions options) {
        String section = null;
        for (Figure f : figures) {
            if (!f.section().equals(section)) {
                section = f.section();
                h.append("<h2>").append(Text.xml(section)).append("</h2>\n");
            }
            h.append("<figure id=\"").append(f.name()).append("\">\n<img src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(f.png())).append("\" alt=\"").append(Text.xml(f.title()))
                    .append("\" width=\"").append(options.width()).append("\" height=\"").append(options.height())
                    .append("\"/>\n<figcaption><strong>").append(Text.xml(f.title())).append(".</strong> ")
                    .append(Text.xml(f.guide())).append(" (Files: charts/").append(f.name()).append(".png, .svg.)")
                    .append("</figcaption>\n</figure>\n");
        }
    }

    /** A section of tables, one per scenario name. */
    static void htmlTables(StringBuilder h, String heading, Map<String, Table> tables) {
        h.append("<h2>").append(Text.xml(heading)).append("</h2>\n");
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            h.append("<h3>").append(Text.xml(e.getKey())).append("</h3>\n");
            htmlTable(h, e.getValue());
        }
    }

    /**
     * The scenarios as run and the end of the page; a null YAML (no scenario file) is shown as {@code missing}
     * (plain text, not escaped).
     */
    static String htmlEnd(StringBuilder h, Map<String, String> yamlByScenario, String missing) {
        h.append("<h2>Scenarios as run</h2>\n");
        yamlByScenario.forEach((name, yaml) -> {
            h.append("<h3>").append(Text.xml(name)).append("</h3>\n");
            h.append(yaml == null ? "<p>" + missing + "</p>\n" : "<pre>" + Text.xml(yaml) + "</pre>\n");
        });
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void htmlTable(StringBuilder h, Table t) {
        h.append("<table>\n<tr>");
        for (String c : t.columnNames()) {
            h.append("<th>").append(Text.xml(c)).append("</th>");
        }
        h.append("</tr>\n");
        for (int r = 0; r < t.rowCount(); r++) {
            h.append("<tr>");
            for (int c = 0; c < t.columnCount(); c++) {
                h.append("<td>").append(Text.xml(cell(t, r, c))).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
    }

    /** A cell as the report shows it: numbers by {@link Text#number}, everything else as its text. */
    private static String cell(Table t, int r, int c) {
        if (t.column(c) instanceof NumericColumn<?> n) {
            return Text.number(n.getDouble(r));
        }
        return t.column(c).getString(r);
    }

    /** The Markdown page up to its title, overview and reading guide (the guide as Markdown already). */
    static StringBuilder markdownStart(String title, String overview, String guide) {
        StringBuilder m = new StringBuilder(1 << 14);
        m.append("# ").append(Markdown.inline(title)).append("\n\n").append(Markdown.inline(overview))
                .append("\n\n").append(guide).append("\n\n");
        return m;
    }

    /** The figures as images from charts/, a section heading before each run of figures of one section. */
    static void markdownFigures(StringBuilder m, List<Figure> figures) {
        String section = null;
        for (Figure f : figures) {
            if (!f.section().equals(section)) {
                section = f.section();
                m.append("## ").append(section).append("\n\n");
            }
            String title = Markdown.inline(f.title());
            m.append("### ").append(title).append("\n\n![").append(title).append("](charts/")
                    .append(f.name()).append(".png)\n\n").append(Markdown.inline(f.guide()))
                    .append(" (SVG: charts/").append(Markdown.inline(f.name())).append(".svg.)\n\n");
        }
    }

    /** A section of tables, one per scenario name. */
    static void markdownTables(StringBuilder m, String heading, Map<String, Table> tables) {
        m.append("## ").append(heading).append("\n\n");
        tables.forEach((name, t) -> markdownTable(m, name, t));
    }

    /** The scenarios as run, the end of the page; a null YAML (no scenario file) is shown as {@code missing}. */
    static String markdownEnd(StringBuilder m, Map<String, String> yamlByScenario, String missing) {
        m.append("## Scenarios as run\n\n");
        yamlByScenario.forEach((name, yaml) -> {
            m.append("### ").append(Markdown.inline(name)).append("\n\n");
            m.append(yaml == null ? missing + "\n\n" : Markdown.codeBlock("yaml", yaml) + "\n");
        });
        return m.toString();
    }

    private static void markdownTable(StringBuilder m, String name, Table t) {
        m.append("### ").append(Markdown.inline(name)).append("\n\n|");
        for (String c : t.columnNames()) {
            m.append(' ').append(Markdown.inline(c)).append(" |");
        }
        m.append("\n|");
        for (int c = 0; c < t.columnCount(); c++) {
            m.append(c == 0 ? "---|" : "---:|");
        }
        m.append('\n');
        for (int r = 0; r < t.rowCount(); r++) {
            m.append('|');
            for (int c = 0; c < t.columnCount(); c++) {
                m.append(' ').append(Text.markdownCell(cell(t, r, c))).append(" |");
            }
            m.append('\n');
        }
        m.append('\n');
    }
}
