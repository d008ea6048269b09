package dev.reason4j.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;

/** The report's final metrics: each metric at the last step and averaged over the last steps, then evaluations. */
final class MetricsSection {
    /** How many final steps the smoothed column averages: one step's numbers are noisy. */
    static final int LAST_STEPS = 10;
    private static final String NONE = "–";
    /** The order a reader looks for them in; keys not named here follow in file order. */
    private static final List<String> ORDER = List.of("reward_mean", "reward_std", MetricsLog.REWARD_COMPONENT_PREFIX,
            "accuracy", "zero_std_fraction", "completion_length_mean", "completion_length_max", "truncated_fraction",
            "kl", "entropy", "clip_fraction_low", "clip_fraction_high", "policy_loss", "grad_norm", "learning_rate",
            "rollout_tokens_per_s", "train_tokens_per_s", "time/", "peak_memory_mb");

    private MetricsSection() {
    }

    static String render(MetricsLog log, boolean fileExists) {
        StringBuilder md = new StringBuilder("## Final metrics\n\n");
        if (!fileExists) {
            return md.append("_No metrics.jsonl in the run directory: no metrics or plots._\n\n").toString();
        }
        if (log.training().isEmpty()) {
            md.append("_metrics.jsonl has no training steps yet._\n\n");
        } else {
            md.append(finalTable(log));
        }
        if (!log.evals().isEmpty()) {
            md.append(evalTable(log));
        }
        return md.toString();
    }

    private static String finalTable(MetricsLog log) {
        MetricsRow last = log.lastTraining().orElseThrow();
        int window = Math.min(LAST_STEPS, log.training().size());
        List<List<String>> rows = new ArrayList<>();
        for (String key : ordered(log.trainingKeys())) {
            OptionalDouble mean = log.meanOfLast(key, window);
            rows.add(List.of(Markdown.codeCell(key), format(last.get(key)), format(mean)));
        }
        String header = log.training().size() + " training steps logged, from step " + log.training().get(0).step()
                + " to step " + last.step() + ".\n\n";
        return header + Markdown.table(List.of("metric", "last (step " + last.step() + ")",
                "mean of last " + window + (window == 1 ? " step" : " steps")), rows) + "\n";
    }

    private static String evalTable(MetricsLog log) {
        List<MetricsRow> evals = log.evals();
        MetricsRow first = evals.get(0);
        MetricsRow last = evals.get(evals.size() - 1);
        boolean one = evals.size() == 1;
        List<String> header = one ? List.of("metric", "step " + first.step())
                : List.of("metric", "first (step " + first.step() + ")", "last (step " + last.step() + ")", "change");
        List<List<String>> rows = new ArrayList<>();
        for (String key : log.evalKeys()) {
            OptionalDouble a = first.get(key);
            OptionalDouble b = last.get(key);
            if (one) {
                rows.add(List.of(Markdown.codeCell(key), format(a)));
            } else {
                String change = a.isPresent() && b.isPresent() ? Markdown.signed(b.getAsDouble() - a.getAsDouble()) : NONE;
                rows.add(List.of(Markdown.codeCell(key), format(a), format(b), change));
            }
        }
        return "### Evaluations during training\n\n" + evals.size() + (one ? " evaluation" : " evaluations")
                + " logged in metrics.jsonl.\n\n" + Markdown.table(header, rows) + "\n";
    }

    /** {@code keys} in {@link #ORDER}; a prefix entry ({@code reward/}) takes its keys sorted by name. */
    static List<String> ordered(List<String> keys) {
        Set<String> out = new LinkedHashSet<>();
        for (String wanted : ORDER) {
            if (wanted.endsWith("/")) {
                keys.stream().filter(k -> k.startsWith(wanted)).sorted().forEach(out::add);
            } else if (keys.contains(wanted)) {
                out.add(wanted);
            }
        }
        out.addAll(keys);
        return List.copyOf(out);
    }

    private static String format(OptionalDouble value) {
        return value.isPresent() ? Markdown.number(value.getAsDouble()) : NONE;
    }
}
