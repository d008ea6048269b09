package dev.reason4j.experiments.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.Devices;
import dev.reason4j.model.ModelConfig;
import dev.reason4j.model.ModelIo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench train}: throughput of the policy-update pass (forward + backward of teacher-forced token
 * log-probs over a B × T batch), and that as a fraction of this machine's measured matmul peak.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Policy-update throughput: forward + backward of token log-probs on random B x T batches.")
public final class BenchTrainCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory.")
    Path model;

    @Option(names = "--batch", defaultValue = "16", description = "Sequences per pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seq-len", defaultValue = "256", description = "Tokens per sequence; all but the first are scored (default: ${DEFAULT-VALUE}).")
    int seqLen;

    @Option(names = "--threads", description = "libtorch intra-op threads (default: libtorch's choice).")
    Integer threads;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed passes after one warm-up; the best is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        if (batch < 1 || seqLen < 2 || repeats < 1) {
            throw new Reason4jException("bench train needs --batch ≥ 1, --seq-len ≥ 2 and --repeats ≥ 1");
        }
        Threads.configure(threads);
        try (DecoderModel m = ModelIo.load(model, Devices.parse(device), DataType.FLOAT32)) {
            m.parameters().values().forEach(p -> p.setRequiresGradient(true));
            long[] ids = new long[batch * seqLen];
            SplittableRandom rng = new SplittableRandom(3);
            for (int i = 0; i < ids.length; i++) {
                ids[i] = rng.nextInt(m.config().vocabSize());
            }
            long[] positions = new long[batch * (seqLen - 1)];
            for (int i = 0; i < positions.length; i++) {
                positions[i] = i % (seqLen - 1) + 1;
            }
            pass(m, ids, positions);
            double best = Double.MAX_VALUE;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                pass(m, ids, positions);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
            }
            double tokens = (double) batch * seqLen;
            double flops = trainingFlops(m.config(), batch, seqLen);
            double peak = MatmulPeak.gflops(m.manager());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", model.toString());
            out.put("parameters", m.config().parameterCount());
            out.put("batch", batch);
            out.put("seq_len", seqLen);
            out.put("threads", threads == null ? Runtime.getRuntime().availableProcessors() : threads);
            out.put("tokens_per_s", tokens / best);
            out.put("seconds_per_pass", best);
            out.put("gflops", flops / best / 1e9);
            out.put("matmul_peak_gflops", peak);
            out.put("fraction_of_peak", flops / best / 1e9 / peak);
            spec.commandLine().getOut().println(Json.line(out));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private static void pass(DecoderModel m, long[] ids, long[] positions) {
        try (NDManager step = m.manager().newSubManager();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            long rows = ids.length - positions.length; // one unscored token per row
            long t = ids.length / rows;
            NDArray lp = m.tokenLogProbs(step.create(ids, new Shape(rows, t)), null, step.create(positions, new Shape(rows, t - 1)), 1.0);
            gc.backward(lp.mean().neg());
            gc.zeroGradients();
        }
    }

    /** Forward + backward ≈ 3 × forward; forward ≈ 2 FLOPs per weight per token plus attention's two T×T products. */
    static double trainingFlops(ModelConfig c, int batch, int seqLen) {
        double tokens = (double) batch * seqLen;
        // the embedding lookup costs nothing; the output head is a matmul whether tied or not
        double embedding = (double) c.vocabSize() * c.hiddenSize();
        double weights = c.parameterCount() - embedding - (c.tieWordEmbeddings() ? 0 : embedding);
        double head = embedding;
        double attention = 2.0 * 2 * c.numLayers() * (double) c.numHeads() * c.headDim() * seqLen; // per token: QK and PV over T keys
        return 3 * tokens * (2 * (weights + head) + attention);
    }
}
