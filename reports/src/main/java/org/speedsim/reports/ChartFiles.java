package org.speedsim.reports;

import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.text.TextUtils;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * Writes a chart as {@code <baseName>.png} and {@code <baseName>.svg} of the same size.
 *
 * <p>Invariant: the same chart gives the same SVG bytes; each file is written atomically (temporary file in the same directory, then renamed), so a reader
 * sees either no file, the old one or the complete new one.
 */
public final class ChartFiles {

    /** The two files written. */
    public record Written(Path png, Path svg) {
    }

    /** The prefix of every id the SVG defines. */
    static final String DEFS_PREFIX = "speedsim-";

    private ChartFiles() {
    }

    /** Renders {@code chart} at {@code width} x {@code height} pixels into {@code dir} (created if missing). */
    public static Written write(JFreeChart chart, Path dir, String baseName, int width, int height)
            throws IOException {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("chart size must be at least 100 x 100 pixels: " + width + " x "
                    + height);
        }
        Files.createDirectories(dir);
        Path png = dir.resolve(baseName + ".png");
        Path svg = dir.resolve(baseName + ".svg");
        AtomicFiles.writeBytes(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        byte[] text = svg(chart, width, height).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeBytes(svg, out -> out.write(text));
        return new Written(png, svg);
    }

    /**
     * The chart as an SVG document that scales (a {@code viewBox} of the drawing's size, with the size as its
     * default) and is the same text every time the same chart is drawn: the ids of clip paths and gradients start
     * with a fixed prefix instead of JFreeSVG's default, which holds the time of day. Rotated labels (the y axes')
     * are written as text, not as glyph outlines, so they can be searched and read by a screen reader; JFreeChart's
     * switch for that is global, so it is set only while the SVG is drawn.
     */
    public static synchronized String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix(DEFS_PREFIX);
        boolean outlines = TextUtils.isUseDrawRotatedStringWorkaround();
        TextUtils.setUseDrawRotatedStringWorkaround(false);
        try {
            chart.draw(g, new Rectangle(0, 0, width, height));
        } finally {
            TextUtils.setUseDrawRotatedStringWorkaround(outlines);
        }
        return "<?xml version=\"1.0\"?>\n"
                + g.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null) + "\n";
    }

    /** The chart as PNG bytes (for inlining). */
    public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        return ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
    }
}
