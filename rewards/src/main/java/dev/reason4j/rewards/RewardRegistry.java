package dev.reason4j.rewards;

import dev.reason4j.core.Reason4jException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rewards by name: the built-ins, plus every {@link RewardFactory} that {@link ServiceLoader} finds
 * on the classpath. This is the one place a config's reward name maps to an implementation.
 *
 * <pre>{@code
 * RewardRegistry registry = RewardRegistry.load();
 * try (RewardCombination rewards = registry.combination(List.of(
 *         RewardSpec.of("accuracy", 1.0),
 *         new RewardSpec("format", 0.5, Map.of("think_opened_in_prompt", true))))) {
 *     ...
 * }
 * }</pre>
 */
public final class RewardRegistry {

    /** The built-in rewards, each documented on its class. */
    public static List<RewardFactory> builtIns() {
        return List.of(AccuracyReward.factory(), CodeReward.factory(), CountdownReward.factory(), FormatReward.factory(),
                TagCountReward.factory(), ReasoningStepsReward.factory(), CosineLengthReward.factory(),
                SoftOverlongPunishment.factory(), RepetitionPenaltyReward.factory(), LengthPenaltyReward.factory());
    }

    private final Map<String, RewardFactory> factories = new TreeMap<>();
    private final Set<RewardFactory> builtIn = Collections.newSetFromMap(new IdentityHashMap<>());

    RewardRegistry(List<RewardFactory> builtIns, List<RewardFactory> custom) {
        builtIn.addAll(builtIns);
        List<RewardFactory> all = new ArrayList<>(builtIns);
        all.addAll(custom);
        for (RewardFactory factory : all) {
            RewardFactory clash = factories.putIfAbsent(factory.name(), factory);
            if (clash != null) {
                throw new Reason4jException("two rewards are named '" + factory.name() + "': " + describe(clash) + " and "
                        + describe(factory) + "; rename the custom one");
            }
        }
    }

    /** The built-ins and the custom factories visible to the thread's context class loader. */
    public static RewardRegistry load() {
        return load(Thread.currentThread().getContextClassLoader());
    }

    /** The built-ins and the custom factories visible to {@code loader}. */
    public static RewardRegistry load(ClassLoader loader) {
        List<RewardFactory> custom = new ArrayList<>();
        try {
            for (RewardFactory factory : ServiceLoader.load(RewardFactory.class, loader)) {
                custom.add(factory);
            }
        } catch (ServiceConfigurationError e) {
            throw new Reason4jException("a custom reward listed in META-INF/services/" + RewardFactory.class.getName()
                    + " could not be loaded (it needs a public class with a public no-argument constructor): " + e.getMessage(), e);
        }
        return new RewardRegistry(builtIns(), custom);
    }

    /** Exactly these factories (no built-ins, no service loading). */
    public static RewardRegistry of(List<RewardFactory> factories) {
        return new RewardRegistry(List.of(), List.copyOf(factories));
    }

    /** Every known name, sorted. */
    public Set<String> names() {
        return new TreeSet<>(factories.keySet());
    }

    /**
     * The reward {@code name} with {@code params} (null or empty for its defaults).
     *
     * @throws Reason4jException for an unknown name (listing the known ones) or an unknown parameter key (naming it)
     */
    public RewardFunction create(String name, Map<String, Object> params) {
        RewardFactory factory = factories.get(name);
        if (factory == null) {
            throw new Reason4jException("unknown reward '" + name + "'; known rewards: " + String.join(", ", names())
                    + " (a custom reward must be listed in META-INF/services/" + RewardFactory.class.getName() + ")");
        }
        Map<String, Object> given = params == null ? Map.of() : params;
        for (String key : given.keySet()) {
            if (!factory.parameters().contains(key)) {
                throw new Reason4jException("reward '" + name + "' has no parameter '" + key + "'; its parameters are: "
                        + (factory.parameters().isEmpty() ? "(none)" : String.join(", ", new TreeSet<>(factory.parameters()))));
            }
        }
        RewardFunction reward;
        try {
            reward = factory.create(given);
        } catch (Reason4jException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Reason4jException("reward '" + name + "' could not be created: " + e.getMessage(), e);
        }
        if (reward == null || !name.equals(reward.name())) {
            throw new Reason4jException("the factory for reward '" + name + "' (" + describe(factory) + ") made "
                    + (reward == null ? "nothing" : "a reward named '" + reward.name() + "'") + "; it must make a reward with its own name");
        }
        return reward;
    }

    /** The combination of {@code specs}; if one cannot be made, those already made are closed. */
    public RewardCombination combination(List<RewardSpec> specs) {
        Objects.requireNonNull(specs, "specs");
        List<WeightedReward> made = new ArrayList<>();
        try {
            for (RewardSpec spec : specs) {
                made.add(new WeightedReward(create(spec.name(), spec.params()), spec.weight()));
            }
            return new RewardCombination(made);
        } catch (RuntimeException e) {
            made.forEach(w -> w.reward().close());
            throw e;
        }
    }

    private String describe(RewardFactory factory) {
        return builtIn.contains(factory) ? "the built-in" : factory.getClass().getName();
    }
}
