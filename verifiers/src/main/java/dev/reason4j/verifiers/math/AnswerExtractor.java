package dev.reason4j.verifiers.math;

import java.util.List;

/**
 * Finds the answer a response commits to, in its gradable text (see {@link ThinkBlocks}).
 * Implementations and the default order are in {@link AnswerExtractors};
 * {@link MathVerifierConfig#extractors()} says which apply, and the first one that finds anything
 * decides.
 *
 * <p>An extractor returns every candidate it sees, not just the last: a response that boxes two
 * different answers is hedging, and {@link MathVerifier} accepts it only when all candidates are
 * equivalent to the reference.
 */
public interface AnswerExtractor {

    /** The name used in configs and verdict reasons, e.g. {@code "boxed"}. */
    String name();

    /** Candidate answer strings in order of appearance; empty when this extractor finds none. */
    List<String> extract(String gradableText);
}
