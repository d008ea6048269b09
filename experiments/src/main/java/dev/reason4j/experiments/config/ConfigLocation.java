package dev.reason4j.experiments.config;

/**
 * Where a setting was written: a line of a YAML file, or a {@code --set} override on the command line.
 *
 * @param source the file as the user named it, or {@code --set key=value}
 * @param line   1-based line in the file; 0 when the source has no lines (an override, a default)
 */
public record ConfigLocation(String source, int line) {

    public static ConfigLocation override(String assignment) {
        return new ConfigLocation("--set " + assignment, 0);
    }

    /** {@code file:line}, or the source alone when there is no line. */
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
