package dev.reason4j.grpo.train;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training problems in a fresh seeded order every epoch. The position (problems drawn so far) is the
 * whole state: a resumed run that restores it draws exactly what the uninterrupted run would.
 */
public final class ProblemStream {
    private final List<Problem> problems;
    private final long seed;
    private long position;
    private int[] order;
    private long orderEpoch = -1;

    public ProblemStream(List<Problem> problems, long seed) {
        if (problems.isEmpty()) {
            throw new Reason4jException("the training set is empty: check data.source and the split");
        }
        this.problems = List.copyOf(problems);
        this.seed = seed;
    }

    public List<Problem> next(int n) {
        List<Problem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long epoch = position / problems.size();
            if (epoch != orderEpoch) {
                order = Permutations.of(problems.size(), new SplittableRandom(seed * 1_000_003L + epoch));
                orderEpoch = epoch;
            }
            out.add(problems.get(order[(int) (position % problems.size())]));
            position++;
        }
        return out;
    }

    public long position() {
        return position;
    }

    public void seek(long newPosition) {
        if (newPosition < 0) {
            throw new Reason4jException("data position must be ≥ 0, got " + newPosition);
        }
        position = newPosition;
    }

    public int size() {
        return problems.size();
    }

}
