package org.speedsim.cli;

/**
 * The number format of every output file, {@link org.speedsim.reports.Numbers}, under the name the command classes
 * use (one format for run, experiment and report files).
 */
public final class Numbers {

    private Numbers() {
    }

    /** See {@link org.speedsim.reports.Numbers#format}. */
    public static String format(double d) {
        return org.speedsim.reports.Numbers.format(d);
    }

    /** See {@link org.speedsim.reports.Numbers#seconds}. */
    public static String seconds(long micros) {
        return org.speedsim.reports.Numbers.seconds(micros);
    }
}
