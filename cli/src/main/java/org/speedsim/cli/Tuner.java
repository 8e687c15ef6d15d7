package org.speedsim.cli;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.speedsim.reports.Estimate;

/**
 * The search of {@code tune}: finds the best value of one or two parameters in a box under a budget of evaluations,
 * where an evaluation runs every replication of one parameter value and its score is the mean objective.
 *
 * <p>Design, stated: with common random numbers the mean over a fixed set of replications is a deterministic
 * function of the parameters, so a derivative-free optimiser can search it. Values live on a lattice of
 * {@value #STEPS} steps per parameter (so repeated values are evaluated once and written exactly); an integer
 * parameter's lattice is the integers of its range, so it is searched on integers only. Stage 1 evaluates
 * a grid spanning the box (1-D: {@code max(3, (budget + 1) / 2)} evenly spaced values; 2-D: k x k with
 * {@code k = max(2, floor(sqrt(budget / 2)))}), all at once. Stage 2 refines around the best grid value with the
 * rest of the budget: Brent's method (commons-math3 {@link BrentOptimizer}) between the grid neighbours in 1-D,
 * BOBYQA ({@link BOBYQAOptimizer}) in the box in 2-D. The best evaluation is the one with the best mean. The
 * uncertainty: every other evaluation is compared with the best over the replications by the test that fits the
 * objective ({@link MetricStatistics#compareEstimates}: the paired t-test, McNemar's test for a yes/no objective,
 * the z-test of the difference of restricted mean lifetimes for the censored lifetime), at level {@code (1 - level) / m} for m comparisons
 * (Bonferroni, so that all verdicts hold together with probability at least {@code level}, the choice of the best
 * aside); those not significantly worse form the indistinguishable set. In 1-D the reported interval is the range of
 * the indistinguishable values between the nearest significantly worse value below the best and the nearest above,
 * so it never includes a value flagged as worse; those two values (or the box ends) form the bracket, inside which
 * the optimum lies when the expected objective is unimodal and every verdict holds. In 2-D the interval of each
 * parameter is the range of the indistinguishable set.
 *
 * <p>Invariant: no more than {@code budget} distinct values are evaluated; every evaluation made is reported.
 */
final class Tuner {

    /** Lattice steps per parameter across its range. */
    static final int STEPS = 10_000;

    /** Runs the replications of each value and returns each one's objective by replication. */
    @FunctionalInterface
    interface Evaluator {
        List<Sample> evaluate(List<BigDecimal[]> points) throws Exception;
    }

    /**
     * One evaluated value: its order, the parameter values, the objective by replication and its estimate (the mean;
     * for a yes/no objective the proportion; for the censored lifetime the restricted mean up to the run's length).
     */
    record Evaluation(int order, BigDecimal[] point, Sample sample, Estimate mean) {
    }

    /** One evaluation's comparison with the best. */
    record Versus(Evaluation evaluation, Comparison difference, boolean indistinguishable) {
    }

    /**
     * The outcome: every evaluation (in order), the best, the comparisons with it, the interval per parameter (every
     * evaluated value in it is not significantly worse than the best) and, in 1-D, the bracket: the nearest
     * significantly worse values around the best, or the range's ends, between which the optimum lies when the
     * expected objective is unimodal (the bracket's ends themselves are excluded unless they are range ends).
     */
    record Result(List<Evaluation> evaluations, Evaluation best, List<Versus> versus, BigDecimal[][] interval,
                  BigDecimal[][] bracket) {
    }

    private static final class BudgetSpent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetSpent() {
            super("budget spent", null, false, false);
        }
    }

    private final BigDecimal[] low;
    private final BigDecimal[] high;
    private final int[] steps;
    private final Objective.Goal goal;
    private final int budget;
    private final double level;
    private final Evaluator evaluator;
    private final Map<String, Evaluation> evaluated = new LinkedHashMap<>();

    Tuner(BigDecimal[] low, BigDecimal[] high, Objective.Goal goal, int budget, double level, Evaluator evaluator) {
        this(low, high, java.util.stream.IntStream.generate(() -> STEPS).limit(low.length).toArray(), goal, budget,
                level, evaluator);
    }

    /**
     * A search whose parameter i lies on a lattice of {@code steps[i]} steps across its range: {@link #STEPS}, or
     * {@code high - low} for an integer parameter with integer ends (then every value is an integer).
     */
    Tuner(BigDecimal[] low, BigDecimal[] high, int[] steps, Objective.Goal goal, int budget, double level,
          Evaluator evaluator) {
        if (low.length < 1 || low.length > 2 || high.length != low.length || steps.length != low.length) {
            throw new IllegalArgumentException("one or two parameters");
        }
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 1 || (steps[i] != STEPS
                    && high[i].subtract(low[i]).compareTo(BigDecimal.valueOf(steps[i])) != 0)) {
                throw new IllegalArgumentException("steps must be " + STEPS + " or the width of an integer range");
            }
        }
        this.steps = steps.clone();
        this.low = low.clone();
        this.high = high.clone();
        this.goal = goal;
        this.budget = budget;
        this.level = level;
        this.evaluator = evaluator;
    }

    /** The smallest budget the design needs: the 1-D grid of 3, or the 2-D grid of 4. */
    static int minimumBudget(int dimensions) {
        return dimensions == 1 ? 3 : 4;
    }

    Result run() throws Exception {
        int d = low.length;
        int perSide = d == 1 ? Math.max(3, (budget + 1) / 2) : Math.max(2, (int) Math.floor(Math.sqrt(budget / 2.0)));
        List<int[]> grid = new ArrayList<>();
        for (int i = 0; i < perSide; i++) {
            int a = (int) Math.round((double) i * steps[0] / (perSide - 1));
            if (d == 1) {
                grid.add(new int[] {a});
            } else {
                for (int j = 0; j < perSide; j++) {
                    grid.add(new int[] {a, (int) Math.round((double) j * steps[1] / (perSide - 1))});
                }
            }
        }
        evaluate(grid);
        try {
            if (d == 1) {
                refine1d(perSide);
            } else {
                refine2d(perSide);
            }
        } catch (BudgetSpent | org.apache.commons.math3.exception.TooManyEvaluationsException spent) {
            // stage 2 stops where the budget ends (or, on a small integer lattice, where the optimiser keeps asking
            // for values already evaluated); every evaluation made is kept
        } catch (EvaluationFailed failed) {
            throw (Exception) failed.getCause();
        }
        return result();
    }

    private void refine1d(int perSide) {
        if (evaluated.size() >= budget) {
            return;
        }
        double spacing = 1.0 / (perSide - 1);
        double best = lattice(best().point())[0] / (double) steps[0];
        double a = Math.max(0, best - spacing);
        double b = Math.min(1, best + spacing);
        BrentOptimizer brent = new BrentOptimizer(1e-6, 1.0 / STEPS);
        brent.optimize(new MaxEval(10 * budget), new UnivariateObjectiveFunction(x -> score(new double[] {x})),
                goalType(), new SearchInterval(a, b, best));
    }

    private void refine2d(int perSide) {
        int interpolation = 5;
        if (budget - evaluated.size() < interpolation + 1) {
            return;
        }
        int[] b = lattice(best().point());
        double[] start = {b[0] / (double) steps[0], b[1] / (double) steps[1]};
        double radius = 0.5 / (perSide - 1);
        BOBYQAOptimizer bobyqa = new BOBYQAOptimizer(interpolation, radius, 1.0 / STEPS);
        bobyqa.optimize(new MaxEval(10 * budget), new ObjectiveFunction(this::score), goalType(),
                new InitialGuess(start), new SimpleBounds(new double[] {0, 0}, new double[] {1, 1}));
    }

    private GoalType goalType() {
        return goal == Objective.Goal.MAX ? GoalType.MAXIMIZE : GoalType.MINIMIZE;
    }

    /** The mean objective at a point of the unit box (snapped to the lattice); evaluates it if new. */
    private double score(double[] unit) {
        int[] k = new int[unit.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = (int) Math.round(Math.min(1, Math.max(0, unit[i])) * steps[i]);
        }
        Evaluation e = evaluated.get(key(k));
        if (e == null) {
            if (evaluated.size() >= budget) {
                throw new BudgetSpent();
            }
            try {
                evaluate(List.of(k));
            } catch (RuntimeException ex) {
                throw ex;
            } catch (Exception ex) {
                throw new EvaluationFailed(ex);
            }
            e = evaluated.get(key(k));
        }
        double m = e.mean().value();
        if (Double.isNaN(m)) {
            return goal == Objective.Goal.MAX ? -Double.MAX_VALUE : Double.MAX_VALUE;
        }
        return m;
    }

    /** An evaluation failed inside an optimiser; carries the cause out of it. */
    static final class EvaluationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        EvaluationFailed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    private void evaluate(List<int[]> lattice) throws Exception {
        List<int[]> fresh = new ArrayList<>();
        for (int[] k : lattice) {
            if (!evaluated.containsKey(key(k)) && fresh.stream().noneMatch(f -> Arrays.equals(f, k))) {
                fresh.add(k);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        List<BigDecimal[]> points = fresh.stream().map(this::value).toList();
        List<Sample> values = evaluator.evaluate(points);
        for (int i = 0; i < fresh.size(); i++) {
            Sample v = values.get(i);
            evaluated.put(key(fresh.get(i)), new Evaluation(evaluated.size(), points.get(i), v,
                    MetricStatistics.estimate(v, level)));
        }
    }

    /** The parameter values of a lattice point: {@code low + k (high - low) / STEPS}, exact decimals. */
    BigDecimal[] value(int[] k) {
        BigDecimal[] v = new BigDecimal[k.length];
        for (int i = 0; i < k.length; i++) {
            BigDecimal step = steps[i] == STEPS ? high[i].subtract(low[i]).movePointLeft(4) : BigDecimal.ONE;
            v[i] = low[i].add(step.multiply(BigDecimal.valueOf(k[i]))).stripTrailingZeros();
        }
        return v;
    }

    private int[] lattice(BigDecimal[] point) {
        int[] k = new int[point.length];
        for (int i = 0; i < k.length; i++) {
            k[i] = point[i].subtract(low[i]).multiply(BigDecimal.valueOf(steps[i]))
                    .divide(high[i].subtract(low[i]), 0, java.math.RoundingMode.HALF_EVEN).intValueExact();
        }
        return k;
    }

    private static String key(int[] k) {
        return Arrays.toString(k);
    }

    private Evaluation best() {
        Evaluation best = null;
        for (Evaluation e : evaluated.values()) {
            double m = e.mean().value();
            if (!Double.isNaN(m) && (best == null || goal.better(m, best.mean().value()))) {
                best = e;
            }
        }
        return best != null ? best : evaluated.values().iterator().next();
    }

    private Result result() {
        Evaluation best = best();
        double alpha = (1 - level) / Math.max(1, evaluated.size() - 1);
        List<Versus> versus = new ArrayList<>();
        for (Evaluation e : evaluated.values()) {
            Comparison diff = MetricStatistics.compareEstimates(best.sample(), e.sample(), level);
            boolean same = e == best || !(diff.significant(alpha));
            versus.add(new Versus(e, diff, same));
        }
        BigDecimal[][] interval = new BigDecimal[low.length][];
        BigDecimal[][] bracket = null;
        if (low.length == 1) {
            BigDecimal x = best.point()[0];
            BigDecimal worseBelow = null;
            BigDecimal worseAbove = null;
            for (Versus v : versus) {
                BigDecimal y = v.evaluation().point()[0];
                if (!v.indistinguishable()) {
                    if (y.compareTo(x) < 0 && (worseBelow == null || y.compareTo(worseBelow) > 0)) {
                        worseBelow = y;
                    } else if (y.compareTo(x) > 0 && (worseAbove == null || y.compareTo(worseAbove) < 0)) {
                        worseAbove = y;
                    }
                }
            }
            BigDecimal lo = x;
            BigDecimal hi = x;
            for (Versus v : versus) {
                BigDecimal y = v.evaluation().point()[0];
                boolean inside = (worseBelow == null || y.compareTo(worseBelow) > 0)
                        && (worseAbove == null || y.compareTo(worseAbove) < 0);
                if (inside && v.indistinguishable()) {
                    lo = lo.min(y);
                    hi = hi.max(y);
                }
            }
            interval[0] = new BigDecimal[] {lo, hi};
            bracket = new BigDecimal[][] {{worseBelow == null ? low[0] : worseBelow,
                worseAbove == null ? high[0] : worseAbove}};
        } else {
            for (int i = 0; i < low.length; i++) {
                int dim = i;
                List<BigDecimal> same = versus.stream().filter(Versus::indistinguishable)
                        .map(v -> v.evaluation().point()[dim]).sorted(Comparator.naturalOrder()).toList();
                interval[i] = new BigDecimal[] {same.get(0), same.get(same.size() - 1)};
            }
        }
        return new Result(List.copyOf(evaluated.values()), best, versus, interval, bracket);
    }
}
