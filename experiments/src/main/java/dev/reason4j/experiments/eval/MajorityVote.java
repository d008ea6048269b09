package dev.reason4j.experiments.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * maj@k (consensus@k): the answer most samples agree on, with answers grouped by an equivalence
 * (the verifier's, not string equality: {@code 1/2}, {@code 0.5} and {@code \frac12} vote together).
 *
 * <p>Grouping: samples are visited in order; a sample joins the first group, in order of creation,
 * whose first member is equivalent to it, else it starts a new group. Samples without an answer do
 * not vote. <b>Ties</b> between groups of the largest size go to the group whose first member comes
 * earliest in sample order (the group created first) — deterministic and independent of the answers'
 * spelling.
 */
public final class MajorityVote {
    private MajorityVote() {
    }

    /**
     * The winning group.
     *
     * @param representative index of the group's first member, whose answer (and verdict) stands for the group
     * @param members        the indices of the group, in sample order
     */
    public record Majority(int representative, List<Integer> members) {
        public Majority {
            members = List.copyOf(members);
        }

        public int votes() {
            return members.size();
        }
    }

    /**
     * The majority among the first {@code k} samples (all of them when there are fewer), or empty
     * when none of them has an answer.
     *
     * @param hasAnswer  whether a sample votes at all
     * @param equivalent called as {@code equivalent(groupFirstMember, sample)}
     */
    public static <T> Optional<Majority> among(List<T> samples, int k, Predicate<T> hasAnswer, BiPredicate<T, T> equivalent) {
        if (k < 1) {
            throw new IllegalArgumentException("maj@k needs k ≥ 1, got " + k);
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < Math.min(k, samples.size()); i++) {
            T sample = samples.get(i);
            if (!hasAnswer.test(sample)) {
                continue;
            }
            List<Integer> home = null;
            for (List<Integer> group : groups) {
                if (equivalent.test(samples.get(group.get(0)), sample)) {
                    home = group;
                    break;
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(i);
        }
        List<Integer> best = null;
        for (List<Integer> group : groups) {
            if (best == null || group.size() > best.size()) { // strictly larger: ties keep the earlier group
                best = group;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Majority(best.get(0), best));
    }
}
