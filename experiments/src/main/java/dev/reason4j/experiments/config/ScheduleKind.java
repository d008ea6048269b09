package dev.reason4j.experiments.config;

/** The learning-rate schedule after warmup ({@code grpo.schedule}). */
public enum ScheduleKind {
    /** The peak rate throughout (TRL's GRPO recipes mostly use constant_with_warmup). */
    CONSTANT,
    /** A half cosine from the peak down to {@code min_lr} at the last optimizer step (open-r1's recipes). */
    COSINE
}
