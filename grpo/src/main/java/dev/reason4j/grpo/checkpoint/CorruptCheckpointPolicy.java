package dev.reason4j.grpo.checkpoint;

/** What {@link CheckpointStore#loadLatest} does when the newest checkpoint fails verification. */
public enum CorruptCheckpointPolicy {
    /** Stop with the error naming the damaged file: the user decides (the default for resume). */
    FAIL,
    /** Log the error and try the next older checkpoint, then the one before, until one verifies. */
    FALL_BACK_TO_PREVIOUS
}
