package dev.reason4j.grpo.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the trainer needs besides weights and optimizer state to continue exactly where it stopped:
 * {@code trainer_state.json} in a checkpoint. The trainer defines what goes in {@code extra}
 * (metrics so far, the best evaluation, counters); this class only keeps it intact.
 *
 * @param step         optimizer steps completed
 * @param rngState     the state words of the trainer's random generators, in an order the trainer defines
 * @param dataPosition how far the problem source has been consumed (e.g. problems drawn)
 * @param extra        any further JSON the trainer stores; never null (empty object for none)
 */
public record TrainerState(long step, List<Long> rngState, long dataPosition, ObjectNode extra) {
    public static final String FILE = "trainer_state.json";
    private static final String FORMAT = "reason4j.trainer_state";
    private static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public TrainerState {
        if (step < 0) {
            throw new Reason4jException("TrainerState.step is " + step + "; it counts completed steps and must be ≥ 0");
        }
        if (rngState == null || rngState.stream().anyMatch(java.util.Objects::isNull)) {
            throw new Reason4jException("TrainerState.rngState must be a list of longs without nulls (empty for none)");
        }
        if (dataPosition < 0) {
            throw new Reason4jException("TrainerState.dataPosition is " + dataPosition + "; it must be ≥ 0");
        }
        rngState = List.copyOf(rngState);
        extra = extra == null ? JsonNodeFactory.instance.objectNode() : extra.deepCopy();
    }

    public static TrainerState of(long step, long[] rngState, long dataPosition) {
        List<Long> words = new ArrayList<>(rngState.length);
        for (long w : rngState) {
            words.add(w);
        }
        return new TrainerState(step, words, dataPosition, null);
    }

    /** A copy: changing it does not change this state. */
    @Override
    public ObjectNode extra() {
        return extra.deepCopy();
    }

    public TrainerState withExtra(ObjectNode newExtra) {
        return new TrainerState(step, rngState, dataPosition, newExtra);
    }

    public long[] rngStateArray() {
        return rngState.stream().mapToLong(Long::longValue).toArray();
    }

    /** Writes {@code dir/trainer_state.json}. Longs are written as JSON integers, exactly. */
    public void write(Path dir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("step", step);
        ArrayNode words = root.putArray("rng_state");
        rngState.forEach(words::add);
        root.put("data_position", dataPosition);
        root.set("extra", extra.deepCopy());
        Path file = dir.resolve(FILE);
        try {
            DurableFiles.writeAtomically(file, JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new Reason4jException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code dir/trainer_state.json}; a missing or malformed file is an error naming it. */
    public static TrainerState read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new Reason4jException("trainer state " + file + " does not exist");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new Reason4jException("trainer state " + file + " is not valid JSON (truncated or damaged?): " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) {
            throw new Reason4jException("trainer state " + file + " is not a reason4j trainer state (\"format\" is not \"" + FORMAT + "\")");
        }
        JsonNode words = root.get("rng_state");
        JsonNode extra = root.get("extra");
        if (!root.path("step").isIntegralNumber() || !root.path("data_position").isIntegralNumber()
                || words == null || !words.isArray() || (extra != null && !extra.isObject())) {
            throw new Reason4jException("trainer state " + file + " needs integer \"step\" and \"data_position\", an array"
                    + " \"rng_state\" and an object \"extra\"");
        }
        List<Long> rng = new ArrayList<>();
        for (JsonNode w : words) {
            if (!w.isIntegralNumber() || !w.canConvertToLong()) {
                throw new Reason4jException("trainer state " + file + " has a non-long value " + w + " in \"rng_state\"");
            }
            rng.add(w.asLong());
        }
        try {
            return new TrainerState(root.get("step").asLong(), rng, root.get("data_position").asLong(), (ObjectNode) extra);
        } catch (Reason4jException e) {
            throw new Reason4jException("trainer state " + file + ": " + e.getMessage(), e);
        }
    }
}
