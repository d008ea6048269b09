package dev.reason4j.experiments.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reason4j chat-template --model DIR --messages FILE.json}: the prompt a model's chat template
 * makes of a conversation, exactly as {@code transformers}' {@code apply_chat_template} renders it.
 */
@Command(name = "chat-template", mixinStandardHelpOptions = true,
        description = "Print the rendered chat template for a conversation, exactly as Hugging Face transformers renders it (nothing else, no trailing newline).")
public final class ChatTemplateCommand implements Callable<Integer>, Subcommand {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGES_SHAPE = "[{\"role\": \"user\", \"content\": \"...\"}, ...]";

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Hugging Face model directory holding tokenizer.json and a chat template.")
    Path model;

    @Option(names = "--messages", required = true, paramLabel = "FILE.json",
            description = "The conversation: a JSON array " + MESSAGES_SHAPE + " (tool_calls and other fields pass through).")
    Path messages;

    @Option(names = "--add-generation-prompt", description = "End with the header that opens the assistant's turn.")
    boolean addGenerationPrompt;

    @Option(names = "--context", paramLabel = "FILE.json",
            description = "A JSON object of extra template variables, e.g. {\"tools\": [...], \"enable_thinking\": false}.")
    Path context;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<Map<String, Object>> conversation = readMessages(messages);
        Map<String, Object> extra = context == null ? Map.of() : readContext(context);
        String rendered;
        try (Tokenizer tokenizer = Tokenizer.load(model)) {
            rendered = tokenizer.applyChatTemplate(conversation, addGenerationPrompt, extra);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(rendered);
        out.flush();
        return 0;
    }

    private static List<Map<String, Object>> readMessages(Path file) {
        JsonNode node = readJson(file, "--messages");
        if (!node.isArray()) {
            throw new Reason4jException("--messages " + file + " must hold a JSON array of messages like " + MESSAGES_SHAPE);
        }
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isObject() || !node.get(i).path("role").isTextual()) {
                throw new Reason4jException("--messages " + file + ": message " + i + " must be an object with a \"role\" string, like "
                        + MESSAGES_SHAPE);
            }
        }
        return JSON.convertValue(node, JSON.getTypeFactory().constructCollectionType(List.class,
                JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class)));
    }

    private static Map<String, Object> readContext(Path file) {
        JsonNode node = readJson(file, "--context");
        if (!node.isObject()) {
            throw new Reason4jException("--context " + file + " must hold a JSON object of template variables, like {\"enable_thinking\": false}");
        }
        return JSON.convertValue(node, JSON.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    private static JsonNode readJson(Path file, String option) {
        if (!Files.isRegularFile(file)) {
            throw new Reason4jException(option + " " + file + " does not exist or is not a file");
        }
        try {
            return JSON.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new Reason4jException(option + " " + file + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", e);
        } catch (IOException e) {
            throw new Reason4jException("cannot read " + option + " " + file + ": " + e.getMessage(), e);
        }
    }
}
