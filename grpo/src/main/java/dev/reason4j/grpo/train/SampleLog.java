package dev.reason4j.grpo.train;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Group;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A few completions per step, the best and the worst by reward, for reports and eyeballing. */
final class SampleLog {
    static final int GROUPS_PER_STEP = 2;

    private SampleLog() {
    }

    static void write(MetricsWriter out, long step, List<Group> groups, GroupScorer.Scores scores, PromptEncoder prompts) {
        for (int g = 0; g < Math.min(GROUPS_PER_STEP, groups.size()); g++) {
            double[] rewards = scores.total()[g];
            int best = 0;
            int worst = 0;
            for (int i = 1; i < rewards.length; i++) {
                if (rewards[i] > rewards[best]) {
                    best = i;
                }
                if (rewards[i] < rewards[worst]) {
                    worst = i;
                }
            }
            for (int i : best == worst ? new int[] {best} : new int[] {best, worst}) {
                Group group = groups.get(g);
                Completion c = group.completions().get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", step);
                row.put("problem_id", group.problem().id());
                row.put("prompt", prompts.render(group.problem().prompt()));
                row.put("completion", c.text());
                row.put("reward", rewards[i]);
                row.put("correct", scores.correct()[g][i]);
                row.put("finish_reason", c.finishReason().wire());
                out.write(row);
            }
        }
    }
}
