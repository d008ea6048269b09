package dev.reason4j.grpo.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What {@code optimizer.json} records next to the moment tensors: the step count (bias correction
 * depends on it), the hyper-parameters and which parameters decayed, so a resume can say when it
 * runs with different settings.
 *
 * @param step       optimizer steps taken
 * @param config     the hyper-parameters in force when saved
 * @param parameters parameter names in the optimizer's order
 * @param decayed    the parameters that received weight decay
 */
public record OptimizerMetadata(long step, AdamWConfig config, List<String> parameters, Set<String> decayed) {
    public static final String FILE = "optimizer.json";
    static final String FORMAT = "reason4j.adamw";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public OptimizerMetadata {
        if (step < 0) {
            throw new Reason4jException("optimizer step is " + step + "; it counts steps taken and must be ≥ 0");
        }
        if (config == null || parameters == null || decayed == null) {
            throw new Reason4jException("optimizer metadata needs config, parameters and decayed (use empty collections for none)");
        }
        parameters = List.copyOf(parameters);
        decayed = Set.copyOf(decayed);
    }

    /** Writes {@code dir/optimizer.json} through a temporary file, fsynced, then renamed. */
    void write(Path dir) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("step", step);
        ObjectNode c = root.putObject("config");
        c.put("beta1", config.beta1());
        c.put("beta2", config.beta2());
        c.put("epsilon", config.epsilon());
        c.put("weight_decay", config.weightDecay());
        ArrayNode names = root.putArray("parameters");
        parameters.forEach(names::add);
        ArrayNode decayedNames = root.putArray("decayed_parameters");
        parameters.stream().filter(decayed::contains).forEach(decayedNames::add);
        Path file = dir.resolve(FILE);
        Path temp = dir.resolve("." + FILE + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, JSON.writeValueAsBytes(root), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the original failure is the one worth reporting
            }
            throw new Reason4jException("could not write optimizer state " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@code dir/optimizer.json}; a missing, truncated or foreign file is an error naming it. */
    public static OptimizerMetadata read(Path dir) {
        Path file = dir.resolve(FILE);
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new Reason4jException("optimizer state " + file + " does not exist: this directory holds no saved AdamW state", e);
        } catch (IOException e) {
            throw new Reason4jException("optimizer state " + file + " is not valid JSON (truncated or damaged?): " + e.getMessage(), e);
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
            throw new Reason4jException("optimizer state " + file + " is not a reason4j AdamW state (\"format\" is not \"" + FORMAT + "\")");
        }
        if (root.path("version").asInt(-1) != VERSION) {
            throw new Reason4jException("optimizer state " + file + " has version " + root.path("version")
                    + "; this build reads version " + VERSION);
        }
        JsonNode c = root.path("config");
        try {
            AdamWConfig config = new AdamWConfig(number(c, "beta1", file), number(c, "beta2", file),
                    number(c, "epsilon", file), number(c, "weight_decay", file));
            JsonNode step = root.get("step");
            if (step == null || !step.canConvertToLong() || !step.isIntegralNumber()) {
                throw new Reason4jException("optimizer state " + file + " has no integer \"step\"");
            }
            return new OptimizerMetadata(step.asLong(), config, strings(root, "parameters", file),
                    new LinkedHashSet<>(strings(root, "decayed_parameters", file)));
        } catch (Reason4jException e) {
            throw e.getMessage().contains(file.toString()) ? e : new Reason4jException("optimizer state " + file + ": " + e.getMessage(), e);
        }
    }

    private static double number(JsonNode node, String field, Path file) {
        JsonNode n = node.get(field);
        if (n == null || !n.isNumber()) {
            throw new Reason4jException("optimizer state " + file + " has no number config." + field);
        }
        return n.asDouble();
    }

    private static List<String> strings(JsonNode root, String field, Path file) {
        JsonNode array = root.get(field);
        if (array == null || !array.isArray()) {
            throw new Reason4jException("optimizer state " + file + " has no array \"" + field + "\"");
        }
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
