package dev.reason4j.model.safetensors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.Reason4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads an HF {@code model.safetensors.index.json} and the headers of the shards it names, and
 * cross-checks them so a half-downloaded or mixed-up checkpoint fails at open time, not mid-load.
 */
final class ShardedCheckpointIndex {
    private static final Logger log = LoggerFactory.getLogger(ShardedCheckpointIndex.class);

    private ShardedCheckpointIndex() {
    }

    /** Every tensor the index lists, with its location, and the shards' metadata merged in shard order. */
    record Contents(Map<String, TensorInfo> tensors, Map<String, String> metadata, int shardCount) {
    }

    static Contents read(Path indexFile) {
        Map<String, String> shardByTensor = readWeightMap(indexFile);
        Map<String, SafetensorsHeader.FileContents> shards = new LinkedHashMap<>();
        for (String shardName : shardByTensor.values()) {
            if (!shards.containsKey(shardName)) {
                shards.put(shardName, SafetensorsHeader.read(existingShard(indexFile, shardName)));
            }
        }
        rejectTensorsInTwoShards(indexFile, shards);

        Map<String, TensorInfo> tensors = new LinkedHashMap<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        shards.values().forEach(shard -> metadata.putAll(shard.metadata()));
        for (Map.Entry<String, String> entry : shardByTensor.entrySet()) {
            SafetensorsHeader.FileContents shard = shards.get(entry.getValue());
            TensorInfo info = shard.tensors().get(entry.getKey());
            if (info == null) {
                throw new Reason4jException("Index " + indexFile + " says tensor '" + entry.getKey() + "' is in " + shard.file()
                        + ", but that shard has no such tensor: the shard and the index come from different saves. "
                        + "Download or save the checkpoint again.");
            }
            tensors.put(entry.getKey(), info);
        }
        long unlisted = shards.values().stream().mapToLong(s -> s.tensors().size()).sum() - tensors.size();
        if (unlisted > 0) {
            log.warn("{} tensors in the shards of {} are not listed in its weight_map and are ignored", unlisted, indexFile);
        }
        return new Contents(tensors, metadata, shards.size());
    }

    private static Map<String, String> readWeightMap(Path indexFile) {
        JsonNode root;
        try {
            root = SafetensorsHeader.JSON.readTree(Files.readAllBytes(indexFile));
        } catch (NoSuchFileException e) {
            throw new Reason4jException("Shard index " + indexFile + " does not exist", e);
        } catch (JacksonException e) {
            throw new Reason4jException("Shard index " + indexFile + " " + SafetensorsHeader.describe(e)
                    + ": fix or delete it and download or save the checkpoint again", e);
        } catch (IOException e) {
            throw new Reason4jException("Could not read shard index " + indexFile + ": " + e.getMessage(), e);
        }
        JsonNode weightMap = root == null ? null : root.get("weight_map");
        if (weightMap == null || !weightMap.isObject()) {
            throw new Reason4jException("Shard index " + indexFile + " has no \"weight_map\" object mapping tensor names to shard files");
        }
        Map<String, String> shardByTensor = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : weightMap.properties()) {
            if (!entry.getValue().isTextual()) {
                throw new Reason4jException("weight_map in " + indexFile + " maps tensor '" + entry.getKey() + "' to "
                        + entry.getValue() + "; it must map to a shard file name such as \"model-00001-of-00002.safetensors\"");
            }
            shardByTensor.put(entry.getKey(), entry.getValue().asText());
        }
        return shardByTensor;
    }

    private static Path existingShard(Path indexFile, String shardName) {
        Path shard = indexFile.resolveSibling(shardName);
        if (!Files.isRegularFile(shard)) {
            throw new Reason4jException("Index " + indexFile + " names shard " + shardName + ", which does not exist in "
                    + indexFile.getParent() + ": the download is incomplete. Fetch the missing shard or save the model again.");
        }
        return shard;
    }

    /** A tensor stored twice would load from whichever shard happened to win; refuse to guess. */
    private static void rejectTensorsInTwoShards(Path indexFile, Map<String, SafetensorsHeader.FileContents> shards) {
        Map<String, Path> owner = new HashMap<>();
        for (SafetensorsHeader.FileContents shard : shards.values()) {
            for (String name : shard.tensors().keySet()) {
                Path previous = owner.putIfAbsent(name, shard.file());
                if (previous != null) {
                    throw new Reason4jException("Tensor '" + name + "' is stored in two shards of " + indexFile + ": " + previous
                            + " and " + shard.file() + ". The shards come from different saves; download or save the checkpoint again.");
                }
            }
        }
    }
}
