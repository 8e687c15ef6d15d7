package org.speedsim.reports.format;

import static org.speedsim.reports.format.Column.Type.INTEGER;
import static org.speedsim.reports.format.Column.Type.NUMBER;
import static org.speedsim.reports.format.Column.Type.TEXT;

import java.util.List;
import org.speedsim.reports.Estimate;

/**
 * The columns the statistics tables of the experiments share ({@code compare.csv}, {@code points.csv},
 * {@code evaluations.csv}): a metric's estimate over replications with its interval, the method, and a difference.
 */
public final class StatisticsFiles {

    /** A metric's estimate over replications and its interval, in the metric's unit. */
    public static final List<Column<Estimate>> ESTIMATE = List.of(
            Column.of("n", "", INTEGER, "replications with a value", Estimate::n),
            Column.of("mean", "metric's", NUMBER, "the estimate: a mean, a share of yes, or a restricted mean "
                    + "lifetime (column estimate says which)", Estimate::value),
            Column.of("ci_low", "metric's", NUMBER, "lower end of its interval, inside the metric's range",
                    Estimate::lower),
            Column.of("ci_high", "metric's", NUMBER, "upper end of its interval", Estimate::upper));

    /** What the estimate and its interval are. */
    public static final List<Column<Estimate>> METHOD = List.of(
            Column.of("estimate", "", TEXT, "what the estimate is (mean, proportion, restricted mean)",
                    e -> e.kind().estimate()),
            Column.of("interval", "", TEXT, "the interval's method (Student t, Wilson, ...)",
                    e -> e.kind().interval()));

    /** The interval and p-value of a difference, after the difference's own column ({@code diff_vs_<other>}). */
    public static final List<String> DIFFERENCE = List.of("diff_ci_low", "diff_ci_high", "p_value");

    private StatisticsFiles() {
    }
}
