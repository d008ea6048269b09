package dev.reason4j.rewards;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes a {@link RewardFunction} from a config's parameters. The built-ins are listed in
 * {@link RewardRegistry}; a user's own reward is found through {@link java.util.ServiceLoader}: a
 * public class with a public no-argument constructor, named in
 * {@code META-INF/services/dev.reason4j.rewards.RewardFactory} (see {@code rewards/README-custom-rewards.md}).
 */
public interface RewardFactory {

    /** The name a config uses; unique among all factories on the classpath. */
    String name();

    /**
     * The parameter keys {@link #create} understands. The registry rejects any other key before
     * calling {@link #create}, so a misspelt key is an error, not a silently ignored default.
     */
    default Set<String> parameters() {
        return Set.of();
    }

    /**
     * A reward from the config's parameters (only keys from {@link #parameters()}; absent keys take
     * their defaults). {@link RewardParams} reads them with messages that name the key.
     */
    RewardFunction create(Map<String, Object> params);

    /** A factory from its name, parameter keys and a function of the parameters. */
    static RewardFactory of(String name, Set<String> parameters, Function<RewardParams, RewardFunction> create) {
        Objects.requireNonNull(name, "name");
        Set<String> keys = Set.copyOf(parameters);
        Objects.requireNonNull(create, "create");
        return new RewardFactory() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Set<String> parameters() {
                return keys;
            }

            @Override
            public RewardFunction create(Map<String, Object> params) {
                return create.apply(new RewardParams(name, params));
            }
        };
    }
}
