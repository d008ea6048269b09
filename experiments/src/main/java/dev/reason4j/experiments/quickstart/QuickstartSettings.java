package dev.reason4j.experiments.quickstart;

/**
 * The quickstart's embedded defaults, chosen so the whole job fits in 15 minutes on 2 CPU cores.
 *
 * @param hidden       model width (Qwen2 layout, tied head, 4 heads / 2 kv heads)
 * @param layers       decoder layers
 * @param terms        numbers per chain (terms − 1 reasoning steps)
 * @param trainProblems problems the warm start and GRPO draw from
 * @param heldOut      held-out problems for the before/after evaluation (disjoint from training)
 * @param sftExamples  warm-start examples
 * @param sftEpochs    warm-start passes
 * @param slipRate     probability that a warm-start step needing a carry forgets it
 * @param directRate   probability that a warm-start response skips the working and states the answer at once
 * @param sftLearningRate warm-start peak learning rate
 * @param grpoSteps    GRPO steps
 * @param problemsPerStep problems per GRPO step
 * @param groupSize    completions per problem
 * @param learningRate GRPO learning rate (constant)
 * @param evalK        samples per held-out problem (pass@1 averaged over them, at temperature 0.6, top-p 0.95)
 * @param maxNewTokens completion budget
 * @param seed         everything random derives from it
 */
public record QuickstartSettings(int hidden, int layers, int terms, int trainProblems, int heldOut, int sftExamples, int sftEpochs,
                                 double slipRate, double directRate, double sftLearningRate, int grpoSteps, int problemsPerStep, int groupSize,
                                 double learningRate, int evalK, int maxNewTokens, long seed) {

    public static QuickstartSettings defaults() {
        return new QuickstartSettings(128, 4, 4, 40_000, 500, 20_000, 4, 0.0, 0.7, 3e-3, 400, 16, 8, 1e-4, 4, 48, 0);
    }

    /**
     * A copy with one field changed, by its record-component name (e.g. {@code grpoSteps=120}); for
     * exploring the quickstart's knobs from the command line.
     */
    public QuickstartSettings with(String key, String value) {
        var components = QuickstartSettings.class.getRecordComponents();
        Object[] args = new Object[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                var c = components[i];
                args[i] = c.getAccessor().invoke(this);
                if (c.getName().equals(key)) {
                    found = true;
                    args[i] = parse(c.getType(), value);
                }
            }
            if (!found) {
                throw new dev.reason4j.core.Reason4jException("unknown quickstart setting \"" + key + "\"; settings: "
                        + java.util.Arrays.stream(components).map(java.lang.reflect.RecordComponent::getName).toList());
            }
            Class<?>[] types = java.util.Arrays.stream(components).map(java.lang.reflect.RecordComponent::getType).toArray(Class<?>[]::new);
            return QuickstartSettings.class.getDeclaredConstructor(types).newInstance(args);
        } catch (NumberFormatException e) {
            throw new dev.reason4j.core.Reason4jException("quickstart setting " + key + "=" + value + " is not a number");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object parse(Class<?> type, String value) {
        if (type == int.class) {
            return Integer.parseInt(value);
        }
        if (type == long.class) {
            return Long.parseLong(value);
        }
        return Double.parseDouble(value);
    }

    /** A seconds-long version of the same pipeline, for the test suite. */
    public static QuickstartSettings tiny() {
        return new QuickstartSettings(32, 1, 3, 400, 24, 64, 1, 0.15, 0.5, 3e-3, 2, 4, 4, 2e-5, 2, 24, 0);
    }
}
