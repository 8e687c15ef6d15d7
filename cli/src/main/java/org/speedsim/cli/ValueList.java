package org.speedsim.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.speedsim.reports.Numbers;

/**
 * Parses the {@code PATH=...} arguments of {@code compare --vary}, {@code sweep --param} and {@code tune --param}:
 * a path and a list of YAML values ({@code V1,V2,...}, commas inside brackets or braces do not split), a numeric
 * grid ({@code FROM:TO:STEP}, exact decimals, both ends included) or a range ({@code LO:HI}). Numbers may carry a
 * unit, the same on every number that has one ({@code 10min:30min:10min}, {@code 0:50uBTT/KiB}); the values then
 * carry it too.
 */
final class ValueList {

    /** A parsed {@code PATH=...}: the path and its values (for a range, its two ends), with the unit if any. */
    record Parameter(String path, List<String> values, String unit) {
        Parameter(String path, List<String> values) {
            this(path, values, "");
        }

        /** The numbers of a grid or range without their unit. */
        List<BigDecimal> numbers() {
            return values.stream().map(v -> new BigDecimal(v.substring(0, v.length() - unit.length()))).toList();
        }
    }

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("\\s*([-+]?[0-9][0-9_]*(?:\\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?)\\s*(\\S*)\\s*");

    private ValueList() {
    }

    /** Splits {@code PATH=rest}; the message names {@code option} when the form is wrong. */
    static String[] pathAndRest(String option, String argument) throws UserInputException {
        int eq = argument.indexOf('=');
        if (eq <= 0 || eq == argument.length() - 1) {
            throw new UserInputException(option + " " + argument + ": expected PATH=VALUES, such as "
                    + "clients[1].bidding.spendingRate=0.5,1");
        }
        return new String[] {argument.substring(0, eq).strip(), argument.substring(eq + 1).strip()};
    }

    /** {@code PATH=V1,V2,...}: at least {@code min} values, no two equal. */
    static Parameter list(String option, String argument, int min) throws UserInputException {
        String[] pr = pathAndRest(option, argument);
        List<String> values = split(pr[1]);
        if (values.size() < min) {
            throw new UserInputException(option + " " + argument + ": needs at least " + min + " values separated "
                    + "by commas");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isEmpty()) {
                throw new UserInputException(option + " " + argument + ": value " + (i + 1) + " is empty");
            }
            if (values.subList(0, i).contains(values.get(i))) {
                throw new UserInputException(option + " " + argument + ": value " + values.get(i) + " is given twice");
            }
        }
        return new Parameter(pr[0], values);
    }

    /** {@code PATH=FROM:TO:STEP} (a grid) or {@code PATH=V1,V2,...} (a list). */
    static Parameter grid(String option, String argument) throws UserInputException {
        String[] pr = pathAndRest(option, argument);
        if (!pr[1].contains(":") || pr[1].contains(",")) {
            return list(option, argument, 1);
        }
        String[] parts = pr[1].split(":", -1);
        if (parts.length != 3) {
            throw new UserInputException(option + " " + argument + ": expected FROM:TO:STEP, such as 0:1:0.25");
        }
        String unit = unit(option, argument, parts);
        BigDecimal from = decimal(option, argument, parts[0]);
        BigDecimal to = decimal(option, argument, parts[1]);
        BigDecimal step = decimal(option, argument, parts[2]);
        if (step.signum() <= 0) {
            throw new UserInputException(option + " " + argument + ": STEP must be positive");
        }
        if (to.compareTo(from) < 0) {
            throw new UserInputException(option + " " + argument + ": TO is below FROM");
        }
        BigDecimal count = to.subtract(from).divide(step, 0, java.math.RoundingMode.FLOOR);
        if (count.compareTo(BigDecimal.valueOf(10_000)) > 0) {
            throw new UserInputException(option + " " + argument + ": more than 10000 values");
        }
        List<String> values = new ArrayList<>();
        for (int i = 0; i <= count.intValue(); i++) {
            values.add(canonical(from.add(step.multiply(BigDecimal.valueOf(i)))) + unit);
        }
        return new Parameter(pr[0], values, unit);
    }

    /** How one argument of an option becomes a {@link Parameter} ({@link #grid}, {@link #range}). */
    @FunctionalInterface
    interface Parser {
        Parameter parse(String option, String argument) throws UserInputException;
    }

    /** Each argument parsed by {@code parser}; no two may name the same path. */
    static List<Parameter> distinct(String option, List<String> arguments, Parser parser)
            throws UserInputException {
        List<Parameter> parsed = new ArrayList<>();
        for (String a : arguments) {
            Parameter p = parser.parse(option, a);
            if (parsed.stream().anyMatch(q -> q.path().equals(p.path()))) {
                throw new UserInputException(option + " " + p.path() + " is given twice");
            }
            parsed.add(p);
        }
        return parsed;
    }

    /** {@code PATH=LO:HI}: the two ends of a numeric range, LO below HI. */
    static Parameter range(String option, String argument) throws UserInputException {
        String[] pr = pathAndRest(option, argument);
        String[] parts = pr[1].split(":", -1);
        if (parts.length != 2) {
            throw new UserInputException(option + " " + argument + ": expected LO:HI, such as 0:1");
        }
        String unit = unit(option, argument, parts);
        BigDecimal lo = decimal(option, argument, parts[0]);
        BigDecimal hi = decimal(option, argument, parts[1]);
        if (hi.compareTo(lo) <= 0) {
            throw new UserInputException(option + " " + argument + ": HI must be above LO");
        }
        return new Parameter(pr[0], List.of(canonical(lo) + unit, canonical(hi) + unit), unit);
    }

    private static BigDecimal decimal(String option, String argument, String text) throws UserInputException {
        java.util.regex.Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            throw new UserInputException(option + " " + argument + ": '" + text + "' is not a number");
        }
        return new BigDecimal(m.group(1).replace("_", ""));
    }

    /** The unit the numbers carry (empty if none); every number with a unit must have the same one. */
    private static String unit(String option, String argument, String[] parts) throws UserInputException {
        String unit = "";
        for (String part : parts) {
            java.util.regex.Matcher m = NUMBER.matcher(part);
            if (!m.matches()) {
                throw new UserInputException(option + " " + argument + ": '" + part + "' is not a number");
            }
            String u = m.group(2);
            if (!u.isEmpty() && !unit.isEmpty() && !u.equals(unit)) {
                throw new UserInputException(option + " " + argument + ": write every number in the same unit ("
                        + unit + " and " + u + ")");
            }
            unit = u.isEmpty() ? unit : u;
        }
        return unit;
    }

    /** A decimal without trailing zeros or exponent: {@code 0.50} gives {@code 0.5}, {@code 1E+1} gives {@code 10}. */
    static String canonical(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.signum() == 0 ? "0" : s.toPlainString();
    }

    /** Splits on commas outside brackets, braces and quotes; values are stripped. */
    static List<String> split(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        char quote = 0;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                out.add(b.toString().strip());
                b.setLength(0);
                continue;
            }
            b.append(c);
        }
        out.add(b.toString().strip());
        return out;
    }
}
