package dev.reason4j.rewards;

import dev.reason4j.core.Group;
import java.util.List;

/** One reward's values and statuses over a batch: (group, completion). */
final class ComponentScores {
    final WeightedReward component;
    final double[][] values;        // (groups, completions of that group)
    final ScoreStatus[][] statuses; // (groups, completions of that group)

    ComponentScores(WeightedReward component, List<Group> groups) {
        this.component = component;
        this.values = new double[groups.size()][];
        this.statuses = new ScoreStatus[groups.size()][];
        for (int g = 0; g < groups.size(); g++) {
            values[g] = new double[groups.get(g).size()];
            statuses[g] = new ScoreStatus[groups.get(g).size()];
        }
    }

    void set(int group, int completion, double value, ScoreStatus status) {
        values[group][completion] = value;
        statuses[group][completion] = status;
    }

    /** The component's line in the report: mean over finite values, and a count per status. */
    RewardReport.Component report() {
        int[] counts = new int[ScoreStatus.values().length];
        double sum = 0;
        int finite = 0;
        for (int g = 0; g < values.length; g++) {
            for (int i = 0; i < values[g].length; i++) {
                counts[statuses[g][i].ordinal()]++;
                if (Double.isFinite(values[g][i])) {
                    sum += values[g][i];
                    finite++;
                }
            }
        }
        return new RewardReport.Component(component.name(), component.weight(), finite == 0 ? Double.NaN : sum / finite,
                counts[ScoreStatus.SCORED.ordinal()], counts[ScoreStatus.NOT_APPLICABLE.ordinal()],
                counts[ScoreStatus.INFRASTRUCTURE_FAILURE.ordinal()], counts[ScoreStatus.TIMED_OUT.ordinal()],
                counts[ScoreStatus.FAILED.ordinal()]);
    }
}
