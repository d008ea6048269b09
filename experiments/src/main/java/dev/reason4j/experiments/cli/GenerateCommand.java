package dev.reason4j.experiments.cli;

import ai.djl.ndarray.types.DataType;
import dev.reason4j.core.ChatMessage;
import dev.reason4j.core.Completion;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.Devices;
import dev.reason4j.model.ModelIo;
import dev.reason4j.model.tokenizer.Tokenizer;
import dev.reason4j.rollout.GenerationRequest;
import dev.reason4j.rollout.LocalRolloutEngine;
import dev.reason4j.rollout.RolloutOptions;
import dev.reason4j.rollout.SamplingParams;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: sample completions of one prompt. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Sample completions of a prompt; prints {\"completions\":[{text, token_ids, logprobs, finish_reason}]}.")
public final class GenerateCommand implements Callable<Integer>, Subcommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "Model directory.")
    Path model;

    @Option(names = "--prompt", required = true, description = "Prompt text.")
    String prompt;

    @Option(names = "--chat", description = "Wrap the prompt as a user message through the model's chat template.")
    boolean chat;

    @Option(names = "--n", defaultValue = "1", description = "Completions (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--temperature", defaultValue = "1.0", description = "0 = greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "1.0", description = "Nucleus sampling (default: ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--top-k", defaultValue = "0", description = "0 = off (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--min-p", defaultValue = "0.0", description = "0 = off (default: ${DEFAULT-VALUE}).")
    double minP;

    @Option(names = "--max-new-tokens", defaultValue = "256", description = "(default: ${DEFAULT-VALUE}).")
    int maxNewTokens;

    @Option(names = "--stop", description = "Stop string (repeatable).")
    List<String> stop = new ArrayList<>();

    @Option(names = "--seed", defaultValue = "0", description = "(default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Override
    public Integer call() {
        SamplingParams params = new SamplingParams(temperature, topK, topP, minP, maxNewTokens, stop, seed);
        try (Tokenizer tokenizer = Tokenizer.load(model);
             DecoderModel m = ModelIo.load(model, Devices.parse(device), DataType.FLOAT32)) {
            String text = prompt;
            if (chat) {
                if (tokenizer.chatTemplate().isEmpty()) {
                    throw new Reason4jException(model + " has no chat template (tokenizer_config.json chat_template); drop --chat");
                }
                text = tokenizer.applyChatTemplate(List.of(ChatMessage.user(prompt)), true, Map.of());
            }
            int[] ids = tokenizer.encode(text, !chat);
            LocalRolloutEngine engine = new LocalRolloutEngine(m, tokenizer, RolloutOptions.DEFAULTS);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Completion c : engine.generate(List.of(new GenerationRequest(ids, n, params))).get(0)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("text", c.text());
                row.put("token_ids", c.completionIds());
                row.put("logprobs", c.logProbs());
                row.put("finish_reason", c.finishReason().wire());
                out.add(row);
            }
            spec.commandLine().getOut().println(Json.line(Map.of("completions", out)));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
