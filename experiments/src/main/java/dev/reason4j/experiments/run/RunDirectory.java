package dev.reason4j.experiments.run;

import dev.reason4j.core.Reason4jException;
import dev.reason4j.experiments.config.LoadedConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A run's directory: refusing to train over a run's checkpoints by accident, and keeping its resolved config. */
public final class RunDirectory {
    public static final String CONFIG = "config.yaml";
    private static final Logger LOG = LoggerFactory.getLogger(RunDirectory.class);
    private static final Pattern STEP_DIR = Pattern.compile("step-(\\d+)");

    private RunDirectory() {
    }

    /**
     * Creates the run directory and writes the resolved {@code config.yaml} into it.
     *
     * @param resume whether the caller will continue from the directory's checkpoints
     * @throws Reason4jException when the directory has checkpoints and {@code resume} is false
     */
    public static Path prepare(LoadedConfig loaded, boolean resume) {
        Path dir = loaded.config().runDir();
        OptionalLong newest = newestCheckpoint(dir);
        if (newest.isPresent() && !resume) {
            throw new Reason4jException("run directory " + dir + " already has checkpoints (newest: step " + newest.getAsLong()
                    + "); pass --resume to continue that run, or give this one another name (--set name=...)");
        }
        try {
            Files.createDirectories(dir);
            warnIfChanged(dir.resolve(CONFIG), loaded.resolvedYaml());
            Path temp = dir.resolve(CONFIG + ".tmp");
            Files.writeString(temp, loaded.resolvedYaml(), StandardCharsets.UTF_8);
            Files.move(temp, dir.resolve(CONFIG), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Reason4jException("could not write " + dir.resolve(CONFIG) + ": " + e.getMessage(), e);
        }
        return dir;
    }

    /** A resumed run that changed its config may not repeat the uninterrupted one: say so. */
    private static void warnIfChanged(Path existing, String resolved) throws IOException {
        if (Files.isRegularFile(existing) && !settings(Files.readString(existing, StandardCharsets.UTF_8)).equals(settings(resolved))) {
            LOG.warn("{} differs from the config this run now uses; it is replaced, and results after the change"
                    + " will not match an uninterrupted run of either", existing);
        }
    }

    /** The YAML without its comment header. */
    private static String settings(String yaml) {
        return yaml.lines().filter(l -> !l.startsWith("#")).collect(java.util.stream.Collectors.joining("\n"));
    }

    /** The step of the newest checkpoint directory in {@code runDir/checkpoints}, read without touching anything. */
    public static OptionalLong newestCheckpoint(Path runDir) {
        Path checkpoints = runDir.resolve("checkpoints");
        if (!Files.isDirectory(checkpoints)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> entries = Files.list(checkpoints)) {
            return entries.map(p -> STEP_DIR.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).mapToLong(m -> Long.parseLong(m.group(1))).max();
        } catch (IOException e) {
            throw new Reason4jException("cannot list " + checkpoints + ": " + e.getMessage(), e);
        }
    }
}
