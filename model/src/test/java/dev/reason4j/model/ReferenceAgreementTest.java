package dev.reason4j.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.reason4j.model.reference.ReferenceDecoder;
import dev.reason4j.model.reference.ReferenceFixtures;
import dev.reason4j.model.reference.ReferenceFixtures.Fixture;
import dev.reason4j.model.safetensors.RawTensor;
import dev.reason4j.model.safetensors.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DJL decoder, loaded from files through the production loader, against the float64 plain-Java
 * reference (itself checked against torch): every family, tied and untied, GQA, Qwen3's head_dim and
 * q/k norm, biases, rope_theta ≠ 10000 and rope scaling, from F32 and from BF16 files, 80 tokens.
 */
class ReferenceAgreementTest {
    private static final int TOKENS = 80;
    private static final double TOLERANCE = 1e-4;

    @TempDir
    Path tmp;

    static Stream<Arguments> fixtures() {
        List<Arguments> out = new ArrayList<>();
        for (ReferenceFixtures.Spec spec : ReferenceFixtures.standardSpecs()) {
            out.add(Arguments.of(spec.name(), "F32"));
            out.add(Arguments.of(spec.name(), "BF16"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("fixtures")
    void tokenLogProbsMatchTheReferenceWithin1e4(String name, String fileType) throws IOException {
        Fixture fixture = ReferenceFixtures.create(ReferenceFixtures.spec(name));
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), fixture.configJson());
        Map<String, float[]> weights = fileType.equals("BF16") ? roundedToBf16(fixture.weights()) : fixture.weights();
        writeWeights(dir.resolve("model.safetensors"), weights, fixture.shapes(), fileType);
        ReferenceDecoder reference = new Fixture(name, fixture.configJson(), weights, fixture.shapes()).decoder();

        int[] ids = fixture.sampleIds(TOKENS, 17);
        long[] longIds = java.util.Arrays.stream(ids).asLongStream().toArray();
        long[] positions = new long[TOKENS - 1];
        java.util.Arrays.setAll(positions, i -> i + 1);
        for (double temperature : new double[] {1.0, 0.7}) {
            double[] expected = reference.tokenLogProbs(ids, temperature);
            float[] actual;
            try (DecoderModel model = ModelIo.load(dir, Device.cpu(), DataType.FLOAT32);
                 NDManager m = model.manager().newSubManager()) {
                actual = model.tokenLogProbs(m.create(longIds, new Shape(1, TOKENS)), null,
                        m.create(positions, new Shape(1, TOKENS - 1)), temperature).toFloatArray();
            }
            double worst = 0;
            for (int i = 0; i < expected.length; i++) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]));
            }
            assertTrue(worst <= TOLERANCE, name + " " + fileType + " T=" + temperature + ": max |diff| " + worst);
        }
    }

    private static void writeWeights(Path file, Map<String, float[]> weights, Map<String, long[]> shapes, String type) {
        List<RawTensor> tensors = new ArrayList<>();
        for (Map.Entry<String, float[]> e : weights.entrySet()) {
            long[] shape = shapes.get(e.getKey());
            tensors.add(type.equals("BF16") ? RawTensor.bf16(e.getKey(), shape, e.getValue()) : RawTensor.f32(e.getKey(), shape, e.getValue()));
        }
        SafetensorsWriter.writeRaw(file, tensors, Map.of("format", "pt"));
    }

    /** The values a BF16 file holds: float32 rounded to 8 mantissa bits, nearest-even. */
    static Map<String, float[]> roundedToBf16(Map<String, float[]> weights) {
        Map<String, float[]> out = new LinkedHashMap<>();
        weights.forEach((k, v) -> {
            float[] r = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                int bits = Float.floatToRawIntBits(v[i]);
                int rounded = (bits + 0x7FFF + ((bits >>> 16) & 1)) & 0xFFFF0000;
                r[i] = Float.intBitsToFloat(rounded);
            }
            out.put(k, r);
        });
        return out;
    }
}
