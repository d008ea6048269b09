package dev.reason4j.experiments.cli;

/**
 * A picocli command ({@code @Command}-annotated, {@link java.util.concurrent.Callable} of the exit
 * code) that the {@code reason4j} CLI mounts as a subcommand. Add one by implementing this and
 * listing the class in {@code META-INF/services/dev.reason4j.experiments.cli.Subcommand}.
 */
public interface Subcommand {
}
