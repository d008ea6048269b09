package dev.reason4j.experiments.cli;

import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.Devices;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.LocalRolloutEngine;
import dev.reason4j.rollout.RolloutOptions;
import dev.reason4j.rollout.RolloutStats;
import dev.reason4j.rollout.SamplingParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bench rollout}: generation throughput of the local engine on random prompts. */
@Command(name = "rollout", mixinStandardHelpOptions = true,
        description = "Generation throughput: B random prompts of P tokens, N new tokens each (EOS ignored).")
public final class BenchRolloutCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory.")
    Path model;

    @Option(names = "--batch", defaultValue = "64", description = "Sequences decoded together (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--prompt-len", defaultValue = "64", description = "Prompt tokens (default: ${DEFAULT-VALUE}).")
    int promptLen;

    @Option(names = "--new-tokens", defaultValue = "128", description = "Tokens generated per sequence (default: ${DEFAULT-VALUE}).")
    int newTokens;

    @Option(names = "--group", defaultValue = "1", description = "Samples per prompt; batch/group distinct prompts (default: ${DEFAULT-VALUE}).")
    int group;

    @Option(names = "--threads", description = "libtorch intra-op threads (default: libtorch's choice).")
    Integer threads;

    @Option(names = "--lanes", defaultValue = "1",
            description = "Batch parts decoded at once on their own threads, sharing --threads (default: ${DEFAULT-VALUE}).")
    int lanes;

    @Option(names = "--repeats", defaultValue = "3", description = "Timed runs after one warm-up; the best is reported (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--temperature", defaultValue = "1.0", description = "Sampling temperature (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or gpu (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        if (batch < 1 || promptLen < 1 || newTokens < 1 || group < 1 || batch % group != 0 || repeats < 1 || lanes < 1) {
            throw new Reason4jException("bench rollout needs positive --batch, --prompt-len, --new-tokens, --repeats, --lanes and --batch divisible by --group");
        }
        Threads.configure(threads);
        try (Tokenizer tokenizer = Tokenizer.load(model);
             DecoderModel m = ModelIo.load(model, Devices.parse(device), DataType.FLOAT32);
             LocalRolloutEngine engine = new LocalRolloutEngine(m, tokenizer, new RolloutOptions(Long.MAX_VALUE, 0.25, lanes))) {
            List<GenerationRequest> requests = requests(m.config().vocabSize());
            engine.generate(requests); // warm-up
            RolloutStats best = null;
            for (int i = 0; i < repeats; i++) {
                engine.generate(requests);
                RolloutStats s = engine.lastStats();
                if (best == null || s.totalSeconds() < best.totalSeconds()) {
                    best = s;
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", model.toString());
            out.put("parameters", m.config().parameterCount());
            out.put("batch", batch);
            out.put("prompt_len", promptLen);
            out.put("new_tokens", newTokens);
            out.put("threads", threads == null ? Runtime.getRuntime().availableProcessors() : threads);
            out.put("lanes", lanes);
            out.put("tokens_per_s", best.tokensPerSecond());
            out.put("prefill_tokens_per_s", best.prefillTokens() / best.prefillSeconds());
            out.put("ms_per_decode_step", 1000 * best.decodeSeconds() / best.decodeSteps());
            out.put("wall_s", best.totalSeconds());
            spec.commandLine().getOut().println(Json.line(out));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private List<GenerationRequest> requests(int vocab) {
        SplittableRandom rng = new SplittableRandom(7);
        SamplingParams params = new SamplingParams(temperature, 0, 1.0, 0.0, newTokens, List.of(), 1, true);
        List<GenerationRequest> out = new ArrayList<>();
        for (int b = 0; b < batch / group; b++) {
            int[] prompt = new int[promptLen];
            for (int i = 0; i < promptLen; i++) {
                prompt[i] = rng.nextInt(Math.min(vocab, 256)); // plain byte tokens
            }
            out.add(new GenerationRequest(prompt, group, params.withSeed(b)));
        }
        return out;
    }
}
