package dev.reason4j.model.reference;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a check by itself: with {@code -Dreference.dumpDir=DIR} it writes every standard fixture to
 * {@code DIR/<name>/} (config.json, model.safetensors, and java.json with the token ids and this oracle's logits) for
 * {@code src/test/python/reference_check.py}, which recomputes them with torch and writes the committed expectations.
 * Skipped otherwise.
 */
class ReferenceDumpTest {

    static final int DUMP_TOKENS = 80;
    static final double DUMP_TEMPERATURE = 0.7;

    @Test
    @EnabledIfSystemProperty(named = "reference.dumpDir", matches = ".+")
    void dumpStandardFixtures() throws Exception {
        Path root = Path.of(System.getProperty("reference.dumpDir"));
        ObjectMapper mapper = new ObjectMapper();
        for (ReferenceFixtures.Spec spec : ReferenceFixtures.standardSpecs()) {
            ReferenceFixtures.Fixture f = ReferenceFixtures.create(spec);
            Path dir = root.resolve(spec.name());
            f.writeTo(dir);
            int[] ids = f.sampleIds(DUMP_TOKENS, spec.seed() * 7919 + 1);
            ReferenceDecoder dec = f.decoder();
            ObjectNode out = mapper.createObjectNode();
            out.put("name", spec.name());
            out.put("architecture", spec.architecture());
            out.put("fingerprint", f.fingerprint());
            out.put("temperature", DUMP_TEMPERATURE);
            ArrayNode idsNode = out.putArray("ids");
            for (int id : ids) {
                idsNode.add(id);
            }
            ArrayNode logits = out.putArray("logits");
            for (double[] row : dec.logits(ids)) {
                ArrayNode r = logits.addArray();
                for (double v : row) {
                    r.add(v);
                }
            }
            ArrayNode lp = out.putArray("token_logprobs");
            for (double v : dec.tokenLogProbs(ids)) {
                lp.add(v);
            }
            ArrayNode lpt = out.putArray("token_logprobs_t");
            for (double v : dec.tokenLogProbs(ids, DUMP_TEMPERATURE)) {
                lpt.add(v);
            }
            mapper.writeValue(dir.resolve("java.json").toFile(), out);
        }
    }
}
