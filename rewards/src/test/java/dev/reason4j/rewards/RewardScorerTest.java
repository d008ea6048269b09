package dev.reason4j.rewards;

import static dev.reason4j.rewards.Fixtures.completion;
import static dev.reason4j.rewards.Fixtures.group;
import static dev.reason4j.rewards.Fixtures.math;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.core.Completion;
import dev.reason4j.core.Group;
import dev.reason4j.core.Problem;
import dev.reason4j.verifiers.math.MathVerifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class RewardScorerTest {
    private static final double EPS = 1e-12;
    private static final RewardScorerConfig SHORT_LIMIT = new RewardScorerConfig(4, Duration.ofMillis(200));

    private static ScoredBatch score(RewardCombination rewards, RewardScorerConfig config, List<Group> groups) {
        try (RewardScorer scorer = new RewardScorer(rewards, config)) {
            return scorer.score(groups);
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void everyComponentIsReportedOnItsOwn() {
        RewardCombination rewards = new RewardCombination(List.of(
                new WeightedReward(new AccuracyReward(), 1.0), new WeightedReward(new FormatReward(false), 0.5)));
        List<Group> groups = List.of(
                group(math("7"), "<answer>7</answer>", "<answer>8</answer>", "<think>x</think><answer>7</answer>"),
                group(Fixtures.codeOnly(), "<answer>7</answer>", "nothing"));
        ScoredBatch batch = score(rewards, RewardScorerConfig.defaults(), groups);

        // accuracy: 1, 0, 1 | NaN, NaN (no reference answer)      format: 0, 0, 1 | 0, 0
        assertArrayEquals(new double[] {1, 0, 1}, batch.component("accuracy")[0]);
        assertTrue(Double.isNaN(batch.component("accuracy")[1][0]) && Double.isNaN(batch.component("accuracy")[1][1]));
        assertArrayEquals(new double[] {0, 0, 1}, batch.component("format")[0]);
        // totals: 1 + 0.5 × 0 = 1; 0; 1 + 0.5 × 1 = 1.5 | accuracy left out: 0.5 × 0 = 0, 0
        assertArrayEquals(new double[] {1, 0, 1.5}, batch.totals()[0]);
        assertArrayEquals(new double[] {0, 0}, batch.totals()[1]);

        RewardReport report = batch.report();
        assertEquals(new RewardReport.Component("accuracy", 1.0, 2.0 / 3, 3, 2, 0, 0, 0), report.component("accuracy"));
        assertEquals(new RewardReport.Component("format", 0.5, 1.0 / 5, 5, 0, 0, 0, 0), report.component("format"));
        // (1 + 0 + 1.5 + 0 + 0) / 5 = 0.5
        assertEquals(0.5, report.meanTotal(), EPS);
        assertEquals(0, report.nanTotals());
        assertEquals(5, report.completions());
        Map<String, Number> metrics = report.metrics();
        assertEquals(2.0 / 3, metrics.get("rewards/accuracy/mean"));
        assertEquals(2, metrics.get("rewards/accuracy/not_applicable"));
        assertEquals(0.5, metrics.get("reward/mean"));
    }

    @Test
    void completionWhoseComponentsAreAllNaNGetsNaNTotal() {
        ScoredBatch batch = score(RewardCombination.of(new AccuracyReward(), 1.0), RewardScorerConfig.defaults(),
                List.of(group(Fixtures.codeOnly(), "<answer>7</answer>", "x"), group(math("7"), "<answer>7</answer>")));
        assertTrue(Double.isNaN(batch.totals()[0][0]) && Double.isNaN(batch.totals()[0][1]));
        assertArrayEquals(new double[] {1}, batch.totals()[1]);
        assertEquals(2, batch.report().nanTotals());
        assertEquals(1.0, batch.report().meanTotal());
    }

    @Test
    void timeOutGivesTheIncorrectValueAndIsCounted() {
        // A verifier-like reward: 1 when it finishes, failure value 0 (incorrect); "hang" makes it sleep 30 s.
        StubReward slow = new StubReward("slow_verifier", text -> {
            if (text.contains("hang")) {
                sleepQuietly(30_000);
            }
            return 1;
        }, 0.0);
        ScoredBatch batch = score(RewardCombination.of(slow, 1.0), SHORT_LIMIT,
                List.of(group(math("1"), "fine", "hang", "fine too", "hang again")));
        assertArrayEquals(new double[] {1, 0, 1, 0}, batch.component("slow_verifier")[0]);
        assertArrayEquals(new double[] {1, 0, 1, 0}, batch.totals()[0]);
        RewardReport.Component line = batch.report().component("slow_verifier");
        assertEquals(2, line.timedOut());
        assertEquals(2, line.scored());
        assertEquals(0, line.notApplicable());
        assertEquals(0.5, line.mean(), EPS);
    }

    @Test
    void aTaskThatIgnoresInterruptsDoesNotStarveTheOthers() {
        CountDownLatch release = new CountDownLatch(1);
        StubReward stubborn = new StubReward("stubborn", text -> {
            while (text.equals("stuck") && release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException ignored) {
                    // deliberately ignores the interrupt, as a tight CPU loop would
                }
            }
            return 1;
        }, -1.0);
        try {
            // one slot: the others can run only because the stuck task's slot is freed at its deadline
            ScoredBatch batch = score(RewardCombination.of(stubborn, 1.0), new RewardScorerConfig(1, Duration.ofMillis(200)),
                    List.of(group(math("1"), "stuck", "a", "b")));
            assertArrayEquals(new double[] {-1, 1, 1}, batch.component("stubborn")[0]);
            assertEquals(1, batch.report().component("stubborn").timedOut());
        } finally {
            release.countDown();
        }
    }

    @Test
    void throwingAndInfrastructureFailuresNeverCrashTheStep() {
        StubReward flaky = new StubReward("flaky", text -> switch (text) {
            case "boom" -> throw new IllegalStateException("bug in the checker, or a response that crashes it");
            case "sandbox" -> throw new InfrastructureFailureException("no sandbox");
            case "infinite" -> Double.POSITIVE_INFINITY;
            case "n/a" -> Double.NaN;
            default -> 1;
        }, 0.0);
        ScoredBatch batch = score(RewardCombination.of(flaky, 1.0), SHORT_LIMIT,
                List.of(group(math("1"), "ok", "boom", "sandbox", "infinite", "n/a")));
        double[] values = batch.component("flaky")[0];
        // ok 1 | boom -> failure value 0 | sandbox -> NaN | ±∞ -> failure value 0 | NaN stays NaN
        assertEquals(1.0, values[0]);
        assertEquals(0.0, values[1]);
        assertTrue(Double.isNaN(values[2]));
        assertEquals(0.0, values[3]);
        assertTrue(Double.isNaN(values[4]));
        assertEquals(new RewardReport.Component("flaky", 1.0, 1.0 / 3, 1, 1, 1, 0, 2), batch.report().component("flaky"));
        assertEquals(2, batch.report().nanTotals());
    }

    @Test
    void textRewardThatFailsGetsNaNNotAPenalty() {
        StubReward regex = new StubReward("regex", text -> {
            throw new StackOverflowError();
        }, Double.NaN);
        ScoredBatch batch = score(RewardCombination.of(regex, 1.0), SHORT_LIMIT, List.of(group(math("1"), "a")));
        assertTrue(Double.isNaN(batch.totals()[0][0]));
        assertEquals(1, batch.report().component("regex").failed());
    }

    /** A group-level reward: sleeps on "hang", returns a wrong-sized array on "short". */
    private record GroupReward(String name) implements RewardFunction {
        @Override
        public double[] score(Group group) {
            if (group.completions().get(0).text().equals("hang")) {
                sleepQuietly(30_000);
            }
            return group.completions().get(0).text().equals("short") ? new double[1] : new double[group.size()];
        }

        @Override
        public double failureValue(Problem problem, Completion completion) {
            return -0.5;
        }
    }

    @Test
    void groupLevelRewardFailsForTheWholeGroup() {
        ScoredBatch batch = score(RewardCombination.of(new GroupReward("grouped"), 1.0), new RewardScorerConfig(2, Duration.ofMillis(100)),
                List.of(group(math("1"), "hang", "x"), group(math("1"), "short", "y", "z"), group(math("1"), "fine", "w")));
        assertArrayEquals(new double[] {-0.5, -0.5}, batch.component("grouped")[0]);
        assertArrayEquals(new double[] {-0.5, -0.5, -0.5}, batch.component("grouped")[1]);
        assertArrayEquals(new double[] {0, 0}, batch.component("grouped")[2]);
        RewardReport.Component line = batch.report().component("grouped");
        assertEquals(2, line.timedOut());
        assertEquals(3, line.failed());
        assertEquals(2, line.scored());
    }

    @Test
    void parallelScoresEqualTheSequentialOnes() {
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < 12; g++) {
            List<Completion> completions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String text = (i % 3 == 0 ? "<think>\nStep 1: add\n</think>\n" : "First, ") + "<answer>" + (g + i % 2) + "</answer>";
                completions.add(completion(text, 10 * i + g));
            }
            groups.add(new Group(math(Integer.toString(g)), completions));
        }
        List<RewardFunction> functions = List.of(new AccuracyReward(), new FormatReward(false), new TagCountReward(false),
                new ReasoningStepsReward(3), new SoftOverlongPunishment(60, 20), new LengthPenaltyReward(new MathVerifier()));
        List<WeightedReward> weighted = functions.stream().map(f -> new WeightedReward(f, 1.0)).toList();
        ScoredBatch batch = score(new RewardCombination(weighted), new RewardScorerConfig(4, Duration.ofSeconds(30)), groups);
        for (RewardFunction f : functions) {
            for (int g = 0; g < groups.size(); g++) {
                assertArrayEquals(f.score(groups.get(g)), batch.component(f.name())[g], f.name() + " group " + g);
            }
        }
        assertEquals(96 * functions.size(), batch.report().components().stream().mapToInt(RewardReport.Component::scored).sum());
    }
}
