package dev.reason4j.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reason4j tokenize --model DIR --text T}: the token ids of a text, as one JSON line. */
@Command(name = "tokenize", mixinStandardHelpOptions = true,
        description = "Print the token ids of a text as one JSON line {\"ids\":[...]}, as Hugging Face tokenizers computes them.")
public final class TokenizeCommand implements Callable<Integer>, Subcommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--model", required = true, paramLabel = "DIR",
            description = "Hugging Face model directory; only tokenizer.json (and tokenizer_config.json) are read.")
    Path model;

    @Option(names = "--text", required = true, paramLabel = "T", description = "The text to encode.")
    String text;

    @Option(names = "--add-special-tokens",
            description = "Let the tokenizer's post-processor add its special tokens (BOS/EOS); off by default.")
    boolean addSpecialTokens;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int[] ids;
        try (Tokenizer tokenizer = Tokenizer.load(model)) {
            ids = tokenizer.encode(text, addSpecialTokens);
        }
        ObjectNode line = JSON.createObjectNode();
        ArrayNode array = line.putArray("ids");
        for (int id : ids) {
            array.add(id);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(JSON.writeValueAsString(line));
        out.flush();
        return 0;
    }
}
