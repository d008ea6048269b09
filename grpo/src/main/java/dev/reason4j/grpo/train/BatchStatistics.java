package dev.reason4j.grpo.train;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Group;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure functions from a scored batch to the reward/length metrics of a step. */
final class BatchStatistics {
    private BatchStatistics() {
    }

    static Map<String, Object> of(List<Group> groups, GroupScorer.Scores scores) {
        Map<String, Object> m = new LinkedHashMap<>();
        double[] stats = meanStd(scores.total());
        m.put("reward_mean", stats[0]);
        m.put("reward_std", stats[1]);
        scores.components().forEach((name, values) -> m.put("reward/" + name, meanStd(values)[0]));
        int correct = 0;
        int total = 0;
        int zeroStd = 0;
        long lengthSum = 0;
        int lengthMax = 0;
        int truncated = 0;
        double negLogProbSum = 0;
        long tokens = 0;
        for (int g = 0; g < groups.size(); g++) {
            if (zeroVariance(scores.total()[g])) {
                zeroStd++;
            }
            List<Completion> cs = groups.get(g).completions();
            for (int i = 0; i < cs.size(); i++) {
                Completion c = cs.get(i);
                total++;
                correct += scores.correct()[g][i] ? 1 : 0;
                lengthSum += c.length();
                lengthMax = Math.max(lengthMax, c.length());
                truncated += c.truncated() ? 1 : 0;
                for (float lp : c.logProbs()) {
                    negLogProbSum -= lp;
                }
                tokens += c.length();
            }
        }
        m.put("accuracy", total == 0 ? 0 : (double) correct / total);
        m.put("zero_std_fraction", groups.isEmpty() ? 0 : (double) zeroStd / groups.size());
        m.put("completion_length_mean", total == 0 ? 0 : (double) lengthSum / total);
        m.put("completion_length_max", lengthMax);
        m.put("truncated_fraction", total == 0 ? 0 : (double) truncated / total);
        // Monte Carlo estimate of the policy's per-token entropy at the sampling temperature: E[−log π(x)].
        m.put("entropy", tokens == 0 ? 0 : negLogProbSum / tokens);
        m.put("not_applicable", scores.notApplicable());
        return m;
    }

    /** True when every finite reward of the group is equal (or there are fewer than two). */
    static boolean zeroVariance(double[] rewards) {
        double first = Double.NaN;
        int finite = 0;
        for (double r : rewards) {
            if (Double.isFinite(r)) {
                if (finite++ == 0) {
                    first = r;
                } else if (r != first) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Mean and population std over the finite entries. */
    static double[] meanStd(double[][] values) {
        double sum = 0;
        double sq = 0;
        long n = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    sum += v;
                    sq += v * v;
                    n++;
                }
            }
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double mean = sum / n;
        return new double[] {mean, Math.sqrt(Math.max(0, sq / n - mean * mean))};
    }
}
