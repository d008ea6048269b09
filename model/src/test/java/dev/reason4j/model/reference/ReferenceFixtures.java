package dev.reason4j.model.reference;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Deterministic, seeded random tiny checkpoints (HF-style config.json + F32 weights) for the three supported families.
 * Weights are N(0, 0.1) (norm weights 1 + N(0, 0.1)) so that numerical mistakes show; the same {@link Spec} always
 * yields the same bytes ({@link java.util.Random} is specified bit-for-bit), which {@link Fixture#fingerprint()}
 * checks against the committed torch expectations.
 */
public final class ReferenceFixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setDefaultPrettyPrinter(new DefaultPrettyPrinter().withSeparators(
                    Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    private ReferenceFixtures() {}

    /**
     * One tiny model. {@code kvHeads <= 0}: field omitted; {@code headDim <= 0}: field omitted; {@code ropeTheta}
     * NaN: omitted; {@code ropeScaling}: "none", "llama3" or "linear"; {@code ropeLayout}: "v4" ({@code rope_theta} +
     * {@code rope_scaling}) or "v5" ({@code rope_parameters}).
     */
    public record Spec(String name, String architecture, long seed, int vocab, int hidden, int intermediate,
            int layers, int heads, int kvHeads, int headDim, double ropeTheta, boolean tied, boolean attentionBias,
            boolean mlpBias, String ropeScaling, String ropeLayout) {

        @Override
        public String toString() {
            return name;
        }

        public Spec withName(String n) {
            return new Spec(n, architecture, seed, vocab, hidden, intermediate, layers, heads, kvHeads, headDim,
                    ropeTheta, tied, attentionBias, mlpBias, ropeScaling, ropeLayout);
        }

        public Spec withTied(boolean t) {
            return new Spec(name, architecture, seed, vocab, hidden, intermediate, layers, heads, kvHeads, headDim,
                    ropeTheta, t, attentionBias, mlpBias, ropeScaling, ropeLayout);
        }

        public Spec withLayers(int l) {
            return new Spec(name, architecture, seed, vocab, hidden, intermediate, l, heads, kvHeads, headDim,
                    ropeTheta, tied, attentionBias, mlpBias, ropeScaling, ropeLayout);
        }

        public Spec withSeed(long s) {
            return new Spec(name, architecture, s, vocab, hidden, intermediate, layers, heads, kvHeads, headDim,
                    ropeTheta, tied, attentionBias, mlpBias, ropeScaling, ropeLayout);
        }
    }

    /** A generated checkpoint: config.json text, F32 weights by HF name, shapes by HF name. */
    public record Fixture(String name, String configJson, Map<String, float[]> weights, Map<String, long[]> shapes) {

        public JsonNode config() {
            try {
                return MAPPER.readTree(configJson);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public int vocabSize() {
            return config().get("vocab_size").asInt();
        }

        public Map<String, double[]> weightsAsDouble() {
            Map<String, double[]> out = new LinkedHashMap<>();
            weights.forEach((k, v) -> {
                double[] d = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    d[i] = v[i];
                }
                out.put(k, d);
            });
            return out;
        }

        public ReferenceDecoder decoder() {
            return new ReferenceDecoder(config(), weightsAsDouble(), shapes);
        }

        /** n token ids, uniform over the vocabulary, deterministic from the seed. */
        public int[] sampleIds(int n, long seed) {
            Random r = new Random(seed);
            int v = vocabSize();
            int[] ids = new int[n];
            for (int i = 0; i < n; i++) {
                ids[i] = r.nextInt(v);
            }
            return ids;
        }

        /** Writes {@code config.json} and {@code model.safetensors} (F32) into dir. */
        public void writeTo(Path dir) throws IOException {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("config.json"), configJson, StandardCharsets.UTF_8);
            SafetensorsTestWriter.writeF32(dir.resolve("model.safetensors"), weights, shapes);
        }

        /** SHA-256 over the config text and every tensor (sorted by name: name, shape, little-endian F32 data). */
        public String fingerprint() {
            try {
                MessageDigest md = MessageDigest.getInstance("SHA-256");
                // compact re-serialisation, so that pretty-printing changes do not alter the fingerprint
                md.update(new ObjectMapper().writeValueAsString(config()).getBytes(StandardCharsets.UTF_8));
                for (Map.Entry<String, float[]> e : new TreeMap<>(weights).entrySet()) {
                    md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                    ByteBuffer b = ByteBuffer.allocate(8 * shapes.get(e.getKey()).length + 4 * e.getValue().length)
                            .order(ByteOrder.LITTLE_ENDIAN);
                    for (long d : shapes.get(e.getKey())) {
                        b.putLong(d);
                    }
                    for (float f : e.getValue()) {
                        b.putFloat(f);
                    }
                    md.update(b.array());
                }
                return HexFormat.of().formatHex(md.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The variants verified against torch and committed under {@code src/test/resources/reference/}. */
    public static List<Spec> standardSpecs() {
        String q2 = ReferenceConfig.QWEN2;
        String ll = ReferenceConfig.LLAMA;
        String q3 = ReferenceConfig.QWEN3;
        double none = Double.NaN;
        return List.of(
                new Spec("qwen2_tied", q2, 11, 96, 32, 64, 2, 4, 2, 0, 1e6, true, false, false, "none", "v4"),
                new Spec("qwen2_untied", q2, 12, 151, 48, 112, 2, 4, 2, 0, 1e6, false, false, false, "none", "v4"),
                new Spec("llama3_rope_untied", ll, 21, 128, 64, 128, 2, 4, 2, 16, 5e5, false, false, false,
                        "llama3", "v4"),
                new Spec("llama_bias_linear_tied", ll, 22, 80, 32, 80, 2, 4, 2, 12, 2.5e5, true, true, true,
                        "linear", "v4"),
                new Spec("llama_defaults", ll, 23, 64, 32, 64, 2, 4, 0, 0, none, false, false, false, "none", "v4"),
                new Spec("qwen3_tied", q3, 31, 112, 64, 96, 2, 4, 2, 24, 1e6, true, false, false, "none", "v4"),
                new Spec("qwen3_bias_v5", q3, 32, 90, 64, 128, 2, 4, 2, 24, 1e6, false, true, false, "none", "v5"));
    }

    public static Spec spec(String name) {
        return standardSpecs().stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no standard spec " + name));
    }

    /** The default small model for a family (architecture name, e.g. "Qwen3ForCausalLM") from a seed. */
    public static Fixture create(String architecture, long seed) {
        Spec base = switch (architecture) {
            case ReferenceConfig.QWEN2 -> spec("qwen2_tied");
            case ReferenceConfig.LLAMA -> spec("llama3_rope_untied");
            case ReferenceConfig.QWEN3 -> spec("qwen3_tied");
            default -> throw new IllegalArgumentException("unsupported architecture " + architecture);
        };
        return create(base.withSeed(seed));
    }

    public static Fixture create(Spec s) {
        String configJson = configJson(s);
        ReferenceConfig cfg = new ReferenceConfig(parse(configJson));
        Random r = new Random(s.seed());
        Map<String, float[]> weights = new LinkedHashMap<>();
        Map<String, long[]> shapes = cfg.expectedShapes();
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            String name = e.getKey();
            long count = 1;
            for (long d : e.getValue()) {
                count *= d;
            }
            boolean norm = name.endsWith("norm.weight");
            float[] v = new float[Math.toIntExact(count)];
            for (int i = 0; i < v.length; i++) {
                double g = 0.1 * r.nextGaussian();
                v[i] = (float) (norm ? 1.0 + g : g);
            }
            weights.put(name, v);
        }
        return new Fixture(s.name(), configJson, weights, new LinkedHashMap<>(shapes));
    }

    private static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An HF-looking config.json (keys sorted, as transformers writes them). */
    static String configJson(Spec s) {
        boolean llama = s.architecture().equals(ReferenceConfig.LLAMA);
        boolean qwen3 = s.architecture().equals(ReferenceConfig.QWEN3);
        boolean qwen2 = s.architecture().equals(ReferenceConfig.QWEN2);
        TreeMap<String, Object> c = new TreeMap<>();
        c.put("architectures", List.of(s.architecture()));
        c.put("attention_dropout", 0.0);
        c.put("bos_token_id", s.vocab() - 3);
        c.put("eos_token_id", llama ? List.of(s.vocab() - 2, s.vocab() - 1) : s.vocab() - 1);
        c.put("hidden_act", "silu");
        c.put("hidden_size", s.hidden());
        c.put("initializer_range", 0.02);
        c.put("intermediate_size", s.intermediate());
        c.put("max_position_embeddings", llama ? 512 : 32768);
        c.put("model_type", llama ? "llama" : qwen3 ? "qwen3" : "qwen2");
        c.put("num_attention_heads", s.heads());
        c.put("num_hidden_layers", s.layers());
        if (s.kvHeads() > 0) {
            c.put("num_key_value_heads", s.kvHeads());
        }
        if (s.headDim() > 0) {
            c.put("head_dim", s.headDim());
        }
        c.put("rms_norm_eps", llama ? 1e-5 : 1e-6);
        c.put("tie_word_embeddings", s.tied());
        c.put("torch_dtype", "float32");
        c.put("transformers_version", qwen3 ? "4.51.0" : "4.45.0");
        c.put("use_cache", true);
        c.put("vocab_size", s.vocab());
        if (llama) {
            c.put("attention_bias", s.attentionBias());
            c.put("mlp_bias", s.mlpBias());
            c.put("pretraining_tp", 1);
        } else {
            if (qwen3) {
                c.put("attention_bias", s.attentionBias());
            }
            c.put("max_window_layers", s.layers());
            c.put("sliding_window", qwen2 ? 32768 : null);
            c.put("use_sliding_window", false);
        }
        Map<String, Object> scaling = null;
        if (s.ropeScaling().equals("llama3")) {
            scaling = new TreeMap<>(Map.of("factor", 8.0, "high_freq_factor", 4.0, "low_freq_factor", 1.0,
                    "original_max_position_embeddings", 64, "rope_type", "llama3"));
        } else if (s.ropeScaling().equals("linear")) {
            scaling = new TreeMap<>(Map.of("factor", 2.0, "type", "linear"));
        } else if (!s.ropeScaling().equals("none")) {
            throw new IllegalArgumentException("rope scaling " + s.ropeScaling());
        }
        if (s.ropeLayout().equals("v5")) {
            Map<String, Object> params = scaling == null ? new TreeMap<>(Map.of("rope_type", "default")) : scaling;
            if (!Double.isNaN(s.ropeTheta())) {
                params.put("rope_theta", s.ropeTheta());
            }
            c.put("rope_parameters", params);
            c.put("transformers_version", "5.0.0");
        } else {
            c.put("rope_scaling", scaling);
            if (!Double.isNaN(s.ropeTheta())) {
                c.put("rope_theta", s.ropeTheta());
            }
        }
        try {
            ObjectNode node = MAPPER.valueToTree(c);
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
