package dev.reason4j.verifiers.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BatchVerifierTest {

    private final MathVerifier math = new MathVerifier();

    @Test
    @Timeout(30)
    void verdictsComeBackInInputOrder() {
        List<Integer> numbers = IntStream.range(0, 200).boxed().collect(Collectors.toList());
        try (BatchVerifier pool = new BatchVerifier(4, Duration.ofSeconds(5))) {
            List<Verdict> verdicts = pool.verifyAll(numbers, n -> math.verify("\\boxed{" + n + "}", n % 3 == 0 ? "" + n : "-1"));
            for (int n : numbers) {
                assertEquals(n % 3 == 0 ? Kind.CORRECT : Kind.WRONG_ANSWER, verdicts.get(n).kind(), "item " + n);
                assertEquals("" + n, verdicts.get(n).extracted());
            }
        }
    }

    @Test
    @Timeout(10)
    void aCheckThatIgnoresItsDeadlineIsLimitExceededAndTheBatchStillFinishes() {
        List<Supplier<Verdict>> checks = new ArrayList<>();
        checks.add(() -> math.verify("\\boxed{1}", "1"));
        checks.add(() -> {
            long end = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < end) {
                Thread.onSpinWait(); // deaf to interrupts: only the watchdog can answer for it
            }
            return Verdict.correct("late", "too late to count");
        });
        checks.add(() -> math.verify("\\boxed{2}", "3"));
        try (BatchVerifier pool = new BatchVerifier(2, Duration.ofMillis(200))) {
            List<Verdict> verdicts = pool.verifyAll(checks);
            assertEquals(List.of(Kind.CORRECT, Kind.LIMIT_EXCEEDED, Kind.WRONG_ANSWER),
                    verdicts.stream().map(Verdict::kind).collect(Collectors.toList()));
            assertEquals(0.0, verdicts.get(1).score());
        }
    }

    @Test
    @Timeout(10)
    void aCheckThatSleepsIsInterruptedAtItsDeadline() throws Exception {
        AtomicInteger interrupted = new AtomicInteger();
        Supplier<Verdict> sleeper = () -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.incrementAndGet();
            }
            return Verdict.correct("", "woke up");
        };
        try (BatchVerifier pool = new BatchVerifier(1, Duration.ofMillis(100))) {
            assertEquals(Kind.LIMIT_EXCEEDED, pool.verifyAll(List.of(sleeper)).get(0).kind());
            // the next check on the same worker must not inherit the interrupt
            assertEquals(Kind.CORRECT, pool.verifyAll(List.of(() -> math.verify("\\boxed{4}", "4"))).get(0).kind());
        }
        assertEquals(1, interrupted.get());
    }

    @Test
    @Timeout(10)
    void aCheckThatThrowsIsAnInfrastructureFailureNotAWrongAnswer() {
        try (BatchVerifier pool = new BatchVerifier(2, Duration.ofSeconds(1))) {
            List<Verdict> verdicts = pool.verifyAll(List.<Supplier<Verdict>>of(() -> {
                throw new IllegalStateException("checker bug");
            }, () -> null));
            assertEquals(Kind.INFRASTRUCTURE_FAILURE, verdicts.get(0).kind());
            assertTrue(verdicts.get(0).reason().contains("checker bug"));
            assertEquals(Kind.INFRASTRUCTURE_FAILURE, verdicts.get(1).kind());
        }
    }

    @Test
    @Timeout(30)
    void noMoreChecksRunAtOnceThanThePoolHasThreads() {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<Supplier<Verdict>> checks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            checks.add(() -> {
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                return Verdict.correct("", "ok");
            });
        }
        try (BatchVerifier pool = new BatchVerifier(3, Duration.ofSeconds(5))) {
            assertEquals(40, pool.verifyAll(checks).stream().filter(Verdict::correct).count());
        }
        assertTrue(peak.get() <= 3, "peak concurrency " + peak.get());
    }

    @Test
    void refusesAnEmptyPoolOrNoTimeLimit() {
        assertThrows(IllegalArgumentException.class, () -> new BatchVerifier(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new BatchVerifier(1, Duration.ZERO));
    }
}
