package dev.reason4j.datasets;

/** What a loader does with a row it cannot turn into a problem. */
public enum BadRowPolicy {
    /** Leave the row out, count it, and log a summary once the file is read. */
    SKIP,
    /** Stop at the first bad row with a {@link dev.reason4j.core.Reason4jException} naming {@code file:line}. */
    FAIL
}
