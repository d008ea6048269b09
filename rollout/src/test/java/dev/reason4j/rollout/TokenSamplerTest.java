package dev.reason4j.rollout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each warper's sampled distribution against the intended one, by a chi-square goodness-of-fit test. */
class TokenSamplerTest {
    private static final float[] LOGITS = {2.0f, 1.5f, 1.4f, 0.9f, 0.5f, 0.3f, 0.0f, -0.2f, -0.7f, -1.0f, -1.5f, -3.0f};
    private static final int DRAWS = 20_000;

    static Stream<Arguments> warpers() {
        return Stream.of(
                Arguments.of("temperature 1", new SamplingParams(1.0, 0, 1.0, 0.0, 8, null, 1)),
                Arguments.of("temperature 0.5", new SamplingParams(0.5, 0, 1.0, 0.0, 8, null, 2)),
                Arguments.of("temperature 1.7", new SamplingParams(1.7, 0, 1.0, 0.0, 8, null, 3)),
                Arguments.of("top-k 4", new SamplingParams(1.0, 4, 1.0, 0.0, 8, null, 4)),
                Arguments.of("top-p 0.8", new SamplingParams(1.0, 0, 0.8, 0.0, 8, null, 5)),
                Arguments.of("min-p 0.3", new SamplingParams(1.0, 0, 1.0, 0.3, 8, null, 6)),
                Arguments.of("all four", new SamplingParams(0.7, 7, 0.9, 0.05, 8, null, 7)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("warpers")
    void sampledFrequenciesFitTheIntendedDistribution(String name, SamplingParams params) {
        double[] intended = WarperOracle.distribution(LOGITS, params);
        long[] counts = draw(params);
        for (int i = 0; i < intended.length; i++) {
            if (intended[i] == 0) {
                assertEquals(0, counts[i], name + ": token " + i + " is outside the warped support but was drawn");
            }
        }
        double p = chiSquarePValue(intended, counts);
        assertTrue(p > 1e-3, name + ": chi-square p-value " + p + " rejects the intended distribution");
    }

    @Test
    void theChiSquareCheckRejectsTheWrongDistribution() {
        // Power check: top-k draws judged against the untruncated softmax must be rejected.
        SamplingParams topK = new SamplingParams(1.0, 4, 1.0, 0.0, 8, null, 4);
        SamplingParams plain = new SamplingParams(1.0, 0, 1.0, 0.0, 8, null, 4);
        double[] untruncated = WarperOracle.distribution(LOGITS, plain);
        assertTrue(chiSquarePValue(untruncated, draw(topK)) < 1e-10);
    }

    @Test
    void greedyAlwaysTakesTheArgmaxAndReportsTemperatureOneLogProbs() {
        SamplingParams greedy = new SamplingParams(0.0, 0, 1.0, 0.0, 8, null, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(LOGITS, new Shape(1, LOGITS.length));
            TokenSampler.Sampled s = TokenSampler.sample(logits, List.of(greedy), new double[] {0.999});
            assertEquals(0, s.tokens()[0]);
            double[] plain = WarperOracle.distribution(LOGITS, SamplingParams.of(8, 1));
            assertEquals(Math.log(plain[0]), s.logProbs()[0], 1e-6);
        }
    }

    @Test
    void reportedLogProbIsTheUntruncatedTemperatureScaledOne() {
        SamplingParams all = new SamplingParams(0.7, 3, 0.9, 0.05, 8, null, 9);
        SamplingParams untruncated = new SamplingParams(0.7, 0, 1.0, 0.0, 8, null, 9);
        double[] pi = WarperOracle.distribution(LOGITS, untruncated);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray logits = m.create(LOGITS, new Shape(1, LOGITS.length));
            for (double u : new double[] {0.05, 0.5, 0.95}) {
                TokenSampler.Sampled s = TokenSampler.sample(logits, List.of(all), new double[] {u});
                assertEquals(Math.log(pi[(int) s.tokens()[0]]), s.logProbs()[0], 1e-5);
            }
        }
    }

    @Test
    void rowsWithDifferentParametersInOneBatchAreEachWarpedByTheirOwn() {
        SamplingParams k1 = new SamplingParams(1.0, 1, 1.0, 0.0, 8, null, 1);
        SamplingParams plain = SamplingParams.of(8, 1);
        try (NDManager m = NDManager.newBaseManager()) {
            float[] two = new float[2 * LOGITS.length];
            System.arraycopy(LOGITS, 0, two, 0, LOGITS.length);
            System.arraycopy(LOGITS, 0, two, LOGITS.length, LOGITS.length);
            TokenSampler.Sampled s = TokenSampler.sample(m.create(two, new Shape(2, LOGITS.length)), List.of(k1, plain),
                    new double[] {0.99, 0.99});
            assertEquals(0, s.tokens()[0], "top-k 1 keeps only the argmax");
            assertTrue(s.tokens()[1] >= 8, "u = 0.99 under the full distribution lands in the tail, got " + s.tokens()[1]);
        }
    }

    private static long[] draw(SamplingParams params) {
        long[] counts = new long[LOGITS.length];
        try (NDManager m = NDManager.newBaseManager()) {
            float[] tiled = new float[DRAWS * LOGITS.length];
            for (int r = 0; r < DRAWS; r++) {
                System.arraycopy(LOGITS, 0, tiled, r * LOGITS.length, LOGITS.length);
            }
            NDArray logits = m.create(tiled, new Shape(DRAWS, LOGITS.length));
            double[] u = new double[DRAWS];
            for (int r = 0; r < DRAWS; r++) {
                u[r] = SequenceRandom.uniform(params.seed(), r, 0);
            }
            List<SamplingParams> rows = new ArrayList<>(Collections.nCopies(DRAWS, params));
            for (long t : TokenSampler.sample(logits, rows, u).tokens()) {
                counts[(int) t]++;
            }
        }
        return counts;
    }

    /** Pearson's chi-square over the tokens the intended distribution allows. */
    static double chiSquarePValue(double[] intended, long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double stat = 0;
        int cells = 0;
        for (int i = 0; i < intended.length; i++) {
            if (intended[i] > 0) {
                double expected = intended[i] * n;
                stat += (counts[i] - expected) * (counts[i] - expected) / expected;
                cells++;
            } else if (counts[i] > 0) {
                return 0;
            }
        }
        if (cells < 2) {
            return 1;
        }
        return 1 - new ChiSquaredDistribution(cells - 1).cumulativeProbability(stat);
    }
}
