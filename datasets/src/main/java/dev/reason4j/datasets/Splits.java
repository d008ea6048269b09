package dev.reason4j.datasets;

import dev.reason4j.core.ChatMessage;
import dev.reason4j.core.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Seeded shuffling and train/held-out splitting that never lets a held-out question into training:
 * training problems whose normalized prompt matches a held-out one are dropped (from training, never
 * from the held-out set) and counted.
 */
public final class Splits {
    private static final Logger LOG = LoggerFactory.getLogger(Splits.class);

    private Splits() {
    }

    /** A copy of {@code problems} in a Fisher–Yates order fixed by {@code seed}. */
    public static List<Problem> shuffled(List<Problem> problems, long seed) {
        List<Problem> shuffled = new ArrayList<>(problems);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Problem swap = shuffled.get(i);
            shuffled.set(i, shuffled.get(j));
            shuffled.set(j, swap);
        }
        return shuffled;
    }

    /** Shuffles by {@code seed}, holds out the first {@code heldOut} problems, and removes leaks from training. */
    public static Split split(List<Problem> problems, HeldOut heldOut, long seed) {
        List<Problem> shuffled = shuffled(problems, seed);
        int size = heldOut.size(shuffled.size());
        return withoutLeaks(shuffled.subList(size, shuffled.size()), shuffled.subList(0, size));
    }

    /** For sets that come split already (a train file and a test file): drops training copies of held-out prompts. */
    public static Split withoutLeaks(List<Problem> train, List<Problem> heldOut) {
        Set<String> heldOutPrompts = heldOut.stream().map(Splits::normalizedPrompt).collect(Collectors.toCollection(HashSet::new));
        List<Problem> kept = new ArrayList<>(train.size());
        for (Problem problem : train) {
            if (!heldOutPrompts.contains(normalizedPrompt(problem))) {
                kept.add(problem);
            }
        }
        int dropped = train.size() - kept.size();
        if (dropped > 0) {
            LOG.info("dropped {} of {} training problems whose prompt also appears in the held-out split", dropped, train.size());
        }
        return new Split(kept, heldOut, dropped);
    }

    /**
     * The prompt as compared across splits: Unicode-normalized (NFKC), case-folded, whitespace runs
     * collapsed to one space, punctuation and spaces trimmed from both ends. A chat prompt is compared by
     * its non-system messages, so a system prompt added to one split does not hide a leak.
     */
    public static String normalizedPrompt(Problem problem) {
        String text = problem.prompt().isChat()
                ? problem.prompt().messages().stream().filter(m -> !"system".equals(m.role()))
                        .map(ChatMessage::content).collect(Collectors.joining("\n"))
                : problem.prompt().text();
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return folded.replaceAll("\\s+", " ").replaceAll("^[\\p{P}\\s]+|[\\p{P}\\s]+$", "");
    }
}
