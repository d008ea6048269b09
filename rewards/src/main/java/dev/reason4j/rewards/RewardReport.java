package dev.reason4j.rewards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch's rewards looked like, for the trainer's per-step log: the total and every component
 * on its own, so a user can see which one moves.
 *
 * @param completions how many completions were scored
 * @param meanTotal   mean of the finite totals (NaN if none)
 * @param nanTotals   completions whose total is NaN (every weighted component NaN: advantage 0)
 * @param components  one line per component, in configuration order
 */
public record RewardReport(int completions, double meanTotal, int nanTotals, List<Component> components) {

    /**
     * One component's line.
     *
     * @param name                   the reward's name
     * @param weight                 its weight in the total
     * @param mean                   mean over its finite values, failure values included (NaN if none)
     * @param scored                 completions it scored normally
     * @param notApplicable          completions it returned NaN for
     * @param infrastructureFailures completions whose check failed for reasons not the response's (NaN)
     * @param timedOut               completions whose scoring ran past the time limit (failure value)
     * @param failed                 completions whose scoring threw or returned an invalid value (failure value)
     */
    public record Component(String name, double weight, double mean, int scored, int notApplicable,
                            int infrastructureFailures, int timedOut, int failed) {
    }

    public RewardReport {
        components = List.copyOf(components);
    }

    /** The component named {@code name}. */
    public Component component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no reward component named '" + name + "'"));
    }

    /**
     * Flat metrics for a JSON-lines log: {@code reward/mean}, {@code reward/nan}, and per component
     * {@code rewards/<name>/mean}, {@code /not_applicable}, {@code /infrastructure_failures},
     * {@code /timed_out}, {@code /failed}.
     */
    public Map<String, Number> metrics() {
        Map<String, Number> out = new LinkedHashMap<>();
        out.put("reward/mean", meanTotal);
        out.put("reward/nan", nanTotals);
        for (Component c : components) {
            String prefix = "rewards/" + c.name() + "/";
            out.put(prefix + "mean", c.mean());
            out.put(prefix + "not_applicable", c.notApplicable());
            out.put(prefix + "infrastructure_failures", c.infrastructureFailures());
            out.put(prefix + "timed_out", c.timedOut());
            out.put(prefix + "failed", c.failed());
        }
        return out;
    }
}
