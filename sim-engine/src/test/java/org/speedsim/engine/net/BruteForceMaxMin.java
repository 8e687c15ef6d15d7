package org.speedsim.engine.net;

/**
 * Plain progressive filling, recomputed from scratch: all unfrozen flows rise together; the link whose fair share
 * of its remaining capacity is smallest saturates and freezes its unfrozen flows at that share; repeat. Obviously
 * correct and slow (O(links x flows) per saturation); the oracle for {@link MaxMinNetwork}.
 */
final class BruteForceMaxMin {

    private BruteForceMaxMin() {
    }

    /** Max-min fair rates of flows {@code i} from {@code up[fu[i]]} to {@code down[fd[i]]}. */
    static double[] solve(double[] upCap, double[] downCap, int[] fu, int[] fd) {
        int n = upCap.length;
        int m = fu.length;
        double[] rate = new double[m];
        boolean[] frozen = new boolean[m];
        int left = m;
        while (left > 0) {
            double[] frozenLoad = new double[2 * n];
            int[] count = new int[2 * n];
            for (int i = 0; i < m; i++) {
                int a = 2 * fu[i];
                int b = 2 * fd[i] + 1;
                if (frozen[i]) {
                    frozenLoad[a] += rate[i];
                    frozenLoad[b] += rate[i];
                } else {
                    count[a]++;
                    count[b]++;
                }
            }
            int best = -1;
            double share = Double.POSITIVE_INFINITY;
            for (int l = 0; l < 2 * n; l++) {
                if (count[l] > 0) {
                    double c = (l % 2 == 0 ? upCap[l / 2] : downCap[l / 2]);
                    double s = Math.max(0, c - frozenLoad[l]) / count[l];
                    if (s < share) {
                        share = s;
                        best = l;
                    }
                }
            }
            for (int i = 0; i < m; i++) {
                if (!frozen[i] && (2 * fu[i] == best || 2 * fd[i] + 1 == best)) {
                    frozen[i] = true;
                    rate[i] = share;
                    left--;
                }
            }
        }
        return rate;
    }

    /**
     * Checks the max-min certificate: no link above capacity and every flow has a bottleneck (a saturated link on
     * which no flow is faster). Returns null when it holds, else a description of the first violation.
     */
    static String certificateViolation(double[] upCap, double[] downCap, int[] fu, int[] fd, double[] rate,
            double tol) {
        int n = upCap.length;
        double[] load = new double[2 * n];
        double[] max = new double[2 * n];
        for (int i = 0; i < fu.length; i++) {
            int a = 2 * fu[i];
            int b = 2 * fd[i] + 1;
            load[a] += rate[i];
            load[b] += rate[i];
            max[a] = Math.max(max[a], rate[i]);
            max[b] = Math.max(max[b], rate[i]);
        }
        for (int l = 0; l < 2 * n; l++) {
            double c = l % 2 == 0 ? upCap[l / 2] : downCap[l / 2];
            if (load[l] > c * (1 + tol)) {
                return "link " + l + " carries " + load[l] + " > capacity " + c;
            }
        }
        for (int i = 0; i < fu.length; i++) {
            boolean ok = false;
            for (int l : new int[] {2 * fu[i], 2 * fd[i] + 1}) {
                double c = l % 2 == 0 ? upCap[l / 2] : downCap[l / 2];
                boolean saturated = load[l] >= c * (1 - tol);
                boolean fastest = rate[i] >= max[l] * (1 - tol);
                ok |= saturated && fastest;
            }
            if (!ok) {
                return "flow " + i + " (" + fu[i] + "->" + fd[i] + ", rate " + rate[i] + ") has no bottleneck";
            }
        }
        return null;
    }
}
