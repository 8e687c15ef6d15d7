package org.speedsim.reports;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/**
 * Writes a chart as {@code <baseName>.png} and {@code <baseName>.svg} of the same size.
 *
 * <p>Invariant: each file is written atomically (temporary file in the same directory, then renamed), so a reader
 * sees either no file, the old one or the complete new one.
 */
public final class ChartFiles {

    /** The two files written. */
    public record Written(Path png, Path svg) {
    }

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
        AtomicWrite.bytes(png, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart.draw(g, new Rectangle(0, 0, width, height));
        byte[] text = g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
        AtomicWrite.bytes(svg, out -> out.write(text));
        return new Written(png, svg);
    }

    /** The chart as PNG bytes (for inlining). */
    public static byte[] png(JFreeChart chart, int width, int height) throws IOException {
        return ChartUtils.encodeAsPNG(chart.createBufferedImage(width, height));
    }

    /** Writes what a body puts into an output stream. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }
}
