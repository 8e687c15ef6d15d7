package org.speedsim.reports;

import java.util.List;

/**
 * How a report is drawn.
 *
 * <p>Invariant: width and height are at least 100 pixels; moments are non-negative seconds.
 *
 * @param width   chart width in pixels (PNG and SVG)
 * @param height  chart height in pixels
 * @param moments simulated times (seconds) at which the piece-copy distribution is shown; empty: three evenly spaced
 *                sample times and the last sample (the last one before the death when the swarm died)
 */
public record ReportOptions(int width, int height, List<Double> moments) {

    public static final int DEFAULT_WIDTH = 900;
    public static final int DEFAULT_HEIGHT = 560;

    public ReportOptions {
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("chart size must be at least 100 x 100 pixels: " + width + " x "
                    + height);
        }
        moments = List.copyOf(moments);
        for (double m : moments) {
            if (!(m >= 0)) {
                throw new IllegalArgumentException("moments must be non-negative seconds: " + m);
            }
        }
    }

    /** 900 x 560 charts and the default moments. */
    public static ReportOptions defaults() {
        return new ReportOptions(DEFAULT_WIDTH, DEFAULT_HEIGHT, List.of());
    }
}
