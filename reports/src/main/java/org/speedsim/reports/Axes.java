package org.speedsim.reports;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;

/**
 * Axes whose data stay in the files' units (seconds, micro-BTT) while the ticks read in the unit a person uses
 * (minutes or hours, BTT): the plotted values equal the CSV values, only the tick labels are scaled.
 *
 * <p>Invariant: a tick label is the data value divided by the axis's divisor; tick spacing is a round number of the
 * displayed unit.
 */
final class Axes {

    private Axes() {
    }

    /** The unit a time span of {@code maxSeconds} reads best in. */
    record TimeUnit(String symbol, double seconds, double[] steps) {
    }

    static TimeUnit timeUnit(double maxSeconds) {
        if (maxSeconds <= 300) {
            return new TimeUnit("s", 1, new double[] {1, 2, 5, 10, 15, 20, 30, 60});
        }
        if (maxSeconds <= 4 * 3600) {
            return new TimeUnit("min", 60, new double[] {1, 2, 5, 10, 15, 20, 30, 60});
        }
        return new TimeUnit("h", 3600, new double[] {0.5, 1, 2, 3, 6, 12, 24, 48, 96, 168});
    }

    /** A time axis over seconds, labelled {@code "<what> (<unit>)"} with ticks in that unit. */
    static NumberAxis time(String what, double maxSeconds) {
        TimeUnit unit = timeUnit(maxSeconds);
        NumberAxis axis = new NumberAxis(what + " (" + unit.symbol() + ")");
        TickUnits ticks = new TickUnits();
        NumberFormat format = scaled(unit.seconds());
        for (double step : unit.steps()) {
            ticks.add(new NumberTickUnit(step * unit.seconds(), format));
        }
        axis.setStandardTickUnits(ticks);
        axis.setAutoRangeIncludesZero(true);
        axis.setLowerMargin(0);
        axis.setUpperMargin(0.02);
        return axis;
    }

    /**
     * A value axis whose labels show the data divided by {@code divisor} (1: unchanged), with ticks at round numbers
     * of the displayed unit.
     */
    static NumberAxis value(String label, double divisor) {
        NumberAxis axis = new NumberAxis(label);
        if (divisor != 1) {
            NumberFormat format = scaled(divisor);
            axis.setNumberFormatOverride(format);
            TickUnits ticks = new TickUnits();
            for (int exponent = -6; exponent <= 15; exponent++) {
                for (double mantissa : new double[] {1, 2, 5}) {
                    ticks.add(new NumberTickUnit(mantissa * Math.pow(10, exponent) * divisor, format));
                }
            }
            axis.setStandardTickUnits(ticks);
        }
        axis.setAutoRangeIncludesZero(true);
        return axis;
    }

    /** Formats {@code value / divisor} with up to three decimals, locale-independent. */
    static NumberFormat scaled(double divisor) {
        return new Scaled(divisor);
    }

    private static final class Scaled extends NumberFormat {
        private static final long serialVersionUID = 1L;
        private final double divisor;
        private final DecimalFormat digits = new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));

        Scaled(double divisor) {
            this.divisor = divisor;
        }

        @Override
        public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
            return digits.format(number / divisor, toAppendTo, pos);
        }

        @Override
        public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
            return format((double) number, toAppendTo, pos);
        }

        @Override
        public Number parse(String source, ParsePosition parsePosition) {
            Number n = digits.parse(source, parsePosition);
            return n == null ? null : n.doubleValue() * divisor;
        }
    }
}
