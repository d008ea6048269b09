package dev.reason4j.grpo.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one run, in {@code runs/<name>/checkpoints/}:
 *
 * <pre>
 *   latest                 "step-N": the newest committed checkpoint (replaced atomically)
 *   step-N/                committed checkpoints, the last keepLast of them; each an HF model
 *                          directory plus optimizer.safetensors, optimizer.json, trainer_state.json
 *                          and manifest.json (size + CRC-32C of every other file, written last)
 *   best                   JSON {checkpoint, step, metric, value, higher_is_better}, when kept
 *   best-step-M/           hard-linked copy of step-M, never rotated away
 *   *.tmp-&lt;hex&gt;            work in progress; removed when the store is next opened
 * </pre>
 *
 * A save writes into {@code step-N.tmp-<hex>/}, writes the manifest, fsyncs every file and the
 * directory, renames it to {@code step-N/}, fsyncs the parent, and only then replaces {@code latest}
 * (write a temporary file, fsync, rename). A crash at any point leaves {@code latest} naming the
 * previous complete checkpoint; a {@code step-N/} newer than {@code latest} (a crash between the
 * rename and the pointer update) is treated as uncommitted and removed on open. One writer per
 * directory.
 */
public final class CheckpointStore {
    public static final String LATEST_POINTER = "latest";
    public static final String BEST_POINTER = "best";
    private static final Pattern STEP_DIR = Pattern.compile("step-(\\d+)");
    private static final Pattern BEST_DIR = Pattern.compile("best-step-(\\d+)");
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final int keepLast;

    private CheckpointStore(Path root, int keepLast) {
        this.root = root;
        this.keepLast = keepLast;
    }

    /** The store of {@code runDir/checkpoints}. */
    public static CheckpointStore forRun(Path runDir, int keepLast) {
        return open(runDir.resolve("checkpoints"), keepLast);
    }

    /**
     * Opens (creating) {@code root} and removes what interrupted writes left: {@code .tmp-}
     * entries, step directories newer than {@code latest}, best copies the {@code best} pointer
     * does not name.
     *
     * @param keepLast how many of the newest checkpoints rotation keeps (≥ 1)
     */
    public static CheckpointStore open(Path root, int keepLast) {
        if (keepLast < 1) {
            throw new Reason4jException("keepLast is " + keepLast + "; keep at least 1 checkpoint (resume needs one)");
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new Reason4jException("could not create the checkpoint directory " + root + ": " + e.getMessage(), e);
        }
        CheckpointStore store = new CheckpointStore(root, keepLast);
        store.recover();
        return store;
    }

    public Path root() {
        return root;
    }

    /**
     * Writes and commits the checkpoint of {@code step}, then rotates: the oldest beyond keepLast go,
     * as do any of later steps (left by a run that was resumed from an earlier checkpoint). An earlier
     * checkpoint of the same step is replaced.
     *
     * @throws Reason4jException if writing fails; {@code latest} then still names the previous checkpoint
     */
    public Checkpoint save(long step, CheckpointContents contents) {
        if (step < 0) {
            throw new Reason4jException("checkpoint step is " + step + "; it must be ≥ 0");
        }
        String name = "step-" + step;
        Path target = root.resolve(name);
        Path temp = root.resolve(DurableFiles.tempName(name));
        try {
            Files.createDirectory(temp);
            contents.writeTo(temp);
            CheckpointManifest.write(temp, step);
            DurableFiles.fsyncTree(temp);
            DurableFiles.retire(target);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.fsyncDirectory(root);
            DurableFiles.writeAtomically(root.resolve(LATEST_POINTER), (name + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new Reason4jException("could not write checkpoint " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp);
            throw e;
        }
        LOG.info("Saved checkpoint {}", target);
        rotate(step);
        return new Checkpoint(step, target);
    }

    /** Committed checkpoints, oldest first: step directories not newer than {@code latest}. */
    public List<Checkpoint> checkpoints() {
        OptionalLong pointer = latestPointerStep();
        List<Checkpoint> out = new ArrayList<>();
        for (Checkpoint c : stepDirectories()) {
            if (pointer.isEmpty() || c.step() <= pointer.getAsLong()) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * The newest committed checkpoint, without reading its files (see {@link #loadLatest}). If
     * {@code latest} is missing or names a directory that is gone, the newest committed step directory.
     */
    public Optional<Checkpoint> latest() {
        OptionalLong pointer = latestPointerStep();
        if (pointer.isPresent()) {
            Path dir = root.resolve("step-" + pointer.getAsLong());
            if (Files.isDirectory(dir)) {
                return Optional.of(new Checkpoint(pointer.getAsLong(), dir));
            }
            LOG.warn("{} names {}, which does not exist; using the newest checkpoint directory instead", root.resolve(LATEST_POINTER), dir);
        }
        List<Checkpoint> all = checkpoints();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * The newest checkpoint whose files all verify against its manifest; empty when there is none at
     * all. With {@link CorruptCheckpointPolicy#FAIL} a damaged newest checkpoint is an error naming
     * the file; with {@link CorruptCheckpointPolicy#FALL_BACK_TO_PREVIOUS} it is logged and older
     * ones are tried in turn.
     *
     * @throws Reason4jException when the policy is FAIL and the newest is damaged, or when none verifies
     */
    public Optional<Checkpoint> loadLatest(CorruptCheckpointPolicy policy) {
        Optional<Checkpoint> newest = latest();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        List<Checkpoint> candidates = new ArrayList<>(checkpoints());
        candidates.removeIf(c -> c.step() > newest.get().step());
        candidates.sort(Comparator.comparingLong(Checkpoint::step).reversed());
        Reason4jException firstFailure = null;
        for (Checkpoint candidate : candidates) {
            try {
                return Optional.of(candidate.verify());
            } catch (Reason4jException e) {
                if (policy != CorruptCheckpointPolicy.FALL_BACK_TO_PREVIOUS) {
                    throw e;
                }
                LOG.warn("{}; trying the previous checkpoint", e.getMessage());
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        throw new Reason4jException("no checkpoint in " + root + " passed verification; the newest failed with: "
                + firstFailure.getMessage(), firstFailure);
    }

    /** The checkpoint kept for its metric, if one was. */
    public Optional<BestCheckpoint> best() {
        Path pointer = root.resolve(BEST_POINTER);
        if (!Files.isRegularFile(pointer)) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = JSON.readTree(pointer.toFile());
        } catch (IOException e) {
            throw new Reason4jException("best-checkpoint pointer " + pointer + " is not valid JSON: " + e.getMessage(), e);
        }
        Matcher m = BEST_DIR.matcher(json == null ? "" : json.path("checkpoint").asText());
        if (!m.matches() || !json.path("value").isNumber() || !json.path("metric").isTextual()) {
            throw new Reason4jException("best-checkpoint pointer " + pointer + " needs \"checkpoint\": \"best-step-N\", a \"metric\""
                    + " name and a number \"value\"; delete it to start keeping the best afresh");
        }
        Path dir = root.resolve(m.group());
        if (!Files.isDirectory(dir)) {
            LOG.warn("{} names {}, which does not exist", pointer, dir);
            return Optional.empty();
        }
        return Optional.of(new BestCheckpoint(new Checkpoint(Long.parseLong(m.group(1)), dir), json.get("metric").asText(),
                json.get("value").asDouble(), json.path("higher_is_better").asBoolean(true)));
    }

    /**
     * Keeps {@code checkpoint} as the best if {@code value} strictly improves on the current best
     * (or there is none): it is hard-linked (or copied) to {@code best-step-N/}, the {@code best}
     * pointer is replaced atomically, then the previous best copy is removed.
     *
     * @return whether it became the best
     */
    public boolean offerBest(Checkpoint checkpoint, String metric, double value, boolean higherIsBetter) {
        if (!Double.isFinite(value)) {
            LOG.warn("{} of step {} is {}; it cannot rank checkpoints", metric, checkpoint.step(), value);
            return false;
        }
        Optional<BestCheckpoint> current = best();
        if (current.isPresent()) {
            BestCheckpoint held = current.get();
            if (!held.metric().equals(metric) || held.higherIsBetter() != higherIsBetter) {
                throw new Reason4jException("the best checkpoint in " + root + " is kept by " + held.metric()
                        + (held.higherIsBetter() ? " (higher is better)" : " (lower is better)") + "; it cannot be ranked by " + metric
                        + ": use one metric per run, or delete " + root.resolve(BEST_POINTER) + " to start afresh");
            }
            if (!held.isImprovedBy(value)) {
                return false;
            }
        }
        String name = "best-step-" + checkpoint.step();
        Path target = root.resolve(name);
        Path temp = root.resolve(DurableFiles.tempName(name));
        try {
            DurableFiles.linkOrCopyTree(checkpoint.dir(), temp);
            DurableFiles.fsyncTree(temp);
            DurableFiles.retire(target);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            DurableFiles.fsyncDirectory(root);
            ObjectNode pointer = JSON.createObjectNode().put("checkpoint", name).put("step", checkpoint.step())
                    .put("metric", metric).put("value", value).put("higher_is_better", higherIsBetter);
            DurableFiles.writeAtomically(root.resolve(BEST_POINTER), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(pointer));
            if (current.isPresent() && !current.get().checkpoint().dir().equals(target)) {
                DurableFiles.retire(current.get().checkpoint().dir());
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new Reason4jException("could not keep " + checkpoint.dir() + " as the best checkpoint: " + e.getMessage(), e);
        }
        LOG.info("Kept step {} as the best checkpoint ({} = {})", checkpoint.step(), metric, value);
        return true;
    }

    private void rotate(long newestStep) {
        List<Checkpoint> committed = new ArrayList<>();
        for (Checkpoint c : stepDirectories()) {
            if (c.step() > newestStep) {
                LOG.warn("Removing {}: a later step of a run that has since resumed from an earlier checkpoint", c.dir());
                retireQuietly(c.dir());
            } else {
                committed.add(c);
            }
        }
        for (int i = 0; i < committed.size() - keepLast; i++) {
            LOG.info("Removing {} (keeping the last {})", committed.get(i).dir(), keepLast);
            retireQuietly(committed.get(i).dir());
        }
    }

    private void recover() {
        for (Path entry : list()) {
            if (DurableFiles.isTemp(entry)) {
                LOG.info("Removing {}, left by an interrupted write", entry);
                deleteQuietly(entry);
            }
        }
        OptionalLong pointer = latestPointerStep();
        if (pointer.isPresent()) {
            for (Checkpoint c : stepDirectories()) {
                if (c.step() > pointer.getAsLong()) {
                    LOG.warn("Removing {}: written after {} but never committed by {}", c.dir(), "step-" + pointer.getAsLong(), LATEST_POINTER);
                    retireQuietly(c.dir());
                }
            }
        }
        try {
            Optional<BestCheckpoint> best = best();
            if (best.isPresent() || Files.exists(root.resolve(BEST_POINTER))) {
                Path keep = best.map(b -> b.checkpoint().dir()).orElse(null);
                for (Path entry : list()) {
                    if (BEST_DIR.matcher(entry.getFileName().toString()).matches() && !entry.equals(keep)) {
                        LOG.info("Removing {}: not the best checkpoint the pointer names", entry);
                        retireQuietly(entry);
                    }
                }
            }
        } catch (Reason4jException e) {
            LOG.warn("Leaving best-checkpoint copies as they are: {}", e.getMessage());
        }
    }

    private OptionalLong latestPointerStep() {
        Path pointer = root.resolve(LATEST_POINTER);
        if (!Files.isRegularFile(pointer)) {
            return OptionalLong.empty();
        }
        String text;
        try {
            text = Files.readString(pointer, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new Reason4jException("could not read " + pointer + ": " + e.getMessage(), e);
        }
        Matcher m = STEP_DIR.matcher(text);
        if (!m.matches()) {
            LOG.warn("{} holds '{}', not 'step-N'; ignoring it", pointer, text);
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(m.group(1)));
    }

    /** Every {@code step-N} directory, oldest first. */
    private List<Checkpoint> stepDirectories() {
        List<Checkpoint> out = new ArrayList<>();
        for (Path entry : list()) {
            Matcher m = STEP_DIR.matcher(entry.getFileName().toString());
            if (m.matches() && Files.isDirectory(entry)) {
                out.add(new Checkpoint(Long.parseLong(m.group(1)), entry));
            }
        }
        out.sort(Comparator.comparingLong(Checkpoint::step));
        return out;
    }

    private List<Path> list() {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(root)) {
            stream.forEach(entries::add);
        } catch (IOException e) {
            throw new Reason4jException("could not list the checkpoint directory " + root + ": " + e.getMessage(), e);
        }
        return entries;
    }

    private static void retireQuietly(Path dir) {
        try {
            DurableFiles.retire(dir);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}; remove it by hand", dir, e.getMessage());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            if (Files.isDirectory(path)) {
                DurableFiles.deleteTree(path);
            } else {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}; remove it by hand", path, e.getMessage());
        }
    }
}
