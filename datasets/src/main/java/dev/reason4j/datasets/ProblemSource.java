package dev.reason4j.datasets;

/**
 * Where problems come from: a dataset file ({@link FileProblemSource}) or a seeded generator
 * ({@link dev.reason4j.datasets.synthetic.GeneratedProblems}).
 */
public interface ProblemSource {
    /** A short description for logs and reports, e.g. the file path or the generator and its seed. */
    String describe();

    /** Reads (or generates) all problems. Each call gives the same problems. */
    LoadedProblems load();
}
