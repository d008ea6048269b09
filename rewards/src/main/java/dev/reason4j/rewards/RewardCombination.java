package dev.reason4j.rewards;

import dev.reason4j.core.Reason4jException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A weighted sum of rewards, the form R1 (accuracy + format), DAPO (accuracy + overlong) and
 * open-r1's {@code reward_funcs}/{@code reward_weights} all use.
 *
 * <p>The NaN rule (TRL's {@code nansum}): a completion's total is Σ w_k · r_k over the components
 * with a non-zero weight whose value r_k is finite; it is NaN only when every such component is NaN
 * (then the completion gets advantage 0 downstream). A component that is NaN for some completions
 * only is simply left out of their totals. This is the simplest rule that keeps what is known; its
 * cost is that a completion whose accuracy could not be judged (a broken sandbox, say) is compared
 * with its group on the other components alone. Weight-0 components are reported but never
 * counted, so they cannot turn a NaN total into 0.
 *
 * <p>Owns its rewards: {@link #close()} closes each.
 */
public final class RewardCombination implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RewardCombination.class);

    private final List<WeightedReward> components;

    public RewardCombination(List<WeightedReward> components) {
        Objects.requireNonNull(components, "components");
        this.components = List.copyOf(components);
        if (this.components.isEmpty()) {
            throw new Reason4jException("no reward configured: list at least one under rewards, e.g. {name: accuracy, weight: 1.0}");
        }
        Set<String> names = new HashSet<>();
        for (WeightedReward c : this.components) {
            if (!names.add(c.name())) {
                throw new Reason4jException("reward '" + c.name() + "' is configured twice: list each reward once");
            }
        }
    }

    public static RewardCombination of(RewardFunction reward, double weight) {
        return new RewardCombination(List.of(new WeightedReward(reward, weight)));
    }

    public List<WeightedReward> components() {
        return components;
    }

    public int size() {
        return components.size();
    }

    /**
     * The total of one completion.
     *
     * @param values one value per component, in {@link #components()} order; NaN where not applicable
     */
    public double total(double[] values) {
        if (values.length != components.size()) {
            throw new IllegalArgumentException("expected " + components.size() + " component values, got " + values.length);
        }
        double sum = 0;
        boolean any = false;
        for (int k = 0; k < values.length; k++) {
            double weight = components.get(k).weight();
            if (weight != 0 && Double.isFinite(values[k])) {
                sum += weight * values[k];
                any = true;
            }
        }
        return any ? sum : Double.NaN;
    }

    @Override
    public void close() {
        for (WeightedReward c : components) {
            try {
                c.reward().close();
            } catch (RuntimeException e) {
                log.warn("closing reward '{}' failed", c.name(), e);
            }
        }
    }
}
