package dev.reason4j.experiments.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.code.CallTest;
import dev.reason4j.verifiers.code.CodeCheck;
import dev.reason4j.verifiers.code.CodeVerifier;
import dev.reason4j.verifiers.code.CodeVerifierConfig;
import dev.reason4j.verifiers.code.StdioTest;
import dev.reason4j.verifiers.math.MathVerifier;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verify}: scores responses produced anywhere. Each input row is echoed with {@code correct},
 * {@code score}, {@code extracted}, {@code reason} (and {@code verdict}, the kind) added, in input order;
 * a malformed row becomes an error row naming its line and the rest still run.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Score rows {response, answer} (math) or {response, tests[, fn_name]} (code) from a JSONL file.")
public final class VerifyCommand implements Callable<Integer>, Subcommand {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", required = true, description = "JSONL file of rows.")
    Path input;

    @Option(names = "--output", description = "Write scored rows here (default: stdout).")
    Path output;

    @Option(names = "--threads", description = "Rows checked in parallel (default: cores).")
    Integer threads;

    @Option(names = "--allow-unsafe-code", description = "Run code without a sandbox if none works (dangerous; default: refuse).")
    boolean allowUnsafe;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(input)) {
            throw new Reason4jException("--input " + input + " does not exist or is not a file");
        }
        List<String> lines = Files.readAllLines(input, StandardCharsets.UTF_8);
        MathVerifier math = new MathVerifier();
        int poolSize = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, poolSize));
        CodeVerifier code = null;
        try {
            if (lines.stream().anyMatch(l -> l.contains("\"tests\""))) {
                CodeVerifierConfig config = CodeVerifierConfig.defaults().withAllowUnsafeLocal(allowUnsafe);
                code = CodeVerifier.create(config);
            }
            CodeVerifier codeVerifier = code;
            List<Future<String>> rows = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                int lineNo = i + 1;
                if (!line.isBlank()) {
                    rows.add(pool.submit(() -> scoreLine(line, lineNo, math, codeVerifier)));
                }
            }
            write(rows);
        } finally {
            pool.shutdownNow();
            if (code != null) {
                code.close();
            }
        }
        return 0;
    }

    private void write(List<Future<String>> rows) throws Exception {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            for (Future<String> row : rows) {
                out.println(row.get());
            }
            out.flush();
            return;
        }
        Path tmp = output.resolveSibling(output.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (Future<String> row : rows) {
                w.write(row.get());
                w.newLine();
            }
        }
        Files.move(tmp, output, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    static String scoreLine(String line, int lineNo, MathVerifier math, CodeVerifier code) {
        ObjectNode row;
        try {
            JsonNode node = Json.MAPPER.readTree(line);
            if (!(node instanceof ObjectNode object)) {
                return errorRow(lineNo, "the row is not a JSON object");
            }
            row = object;
        } catch (JsonProcessingException e) {
            return errorRow(lineNo, "not valid JSON: " + e.getOriginalMessage());
        }
        try {
            Verdict v = verdict(row, math, code);
            row.put("correct", v.correct());
            row.put("score", v.score());
            row.put("extracted", v.extracted());
            row.put("reason", v.reason());
            row.put("verdict", v.kind().name().toLowerCase(java.util.Locale.ROOT));
            return Json.line(row);
        } catch (Reason4jException | IllegalArgumentException e) {
            row.put("error", "line " + lineNo + ": " + e.getMessage());
            return Json.line(row);
        }
    }

    private static Verdict verdict(ObjectNode row, MathVerifier math, CodeVerifier code) {
        JsonNode response = row.get("response");
        if (response == null || !response.isTextual()) {
            throw new Reason4jException("\"response\" must be a string");
        }
        if (row.has("answer")) {
            JsonNode answer = row.get("answer");
            if (!answer.isValueNode() || answer.isNull()) {
                throw new Reason4jException("\"answer\" must be a string or number");
            }
            return math.verify(response.asText(), answer.asText());
        }
        JsonNode tests = row.get("tests");
        if (tests == null || !tests.isArray()) {
            throw new Reason4jException("a row needs \"answer\" (math) or a \"tests\" array (code)");
        }
        if (code == null) {
            throw new Reason4jException("no code verifier available");
        }
        JsonNode fn = row.get("fn_name");
        return fn == null || fn.isNull()
                ? code.verify(CodeCheck.stdio(response.asText(), stdioTests(tests)))
                : code.verify(CodeCheck.callBased(response.asText(), fn.asText(), callTests(tests)));
    }

    private static List<StdioTest> stdioTests(JsonNode tests) {
        List<StdioTest> out = new ArrayList<>();
        for (JsonNode t : tests) {
            if (!t.path("input").isTextual() || !t.path("output").isTextual()) {
                throw new Reason4jException("each stdin/stdout test needs string \"input\" and \"output\"");
            }
            out.add(new StdioTest(t.get("input").asText(), t.get("output").asText()));
        }
        return out;
    }

    private static List<CallTest> callTests(JsonNode tests) {
        List<CallTest> out = new ArrayList<>();
        for (JsonNode t : tests) {
            if (!t.path("args").isArray() || !t.has("expected")) {
                throw new Reason4jException("each call-based test needs an \"args\" array and \"expected\"");
            }
            try {
                @SuppressWarnings("unchecked")
                List<Object> args = Json.MAPPER.treeToValue(t.get("args"), List.class);
                out.add(new CallTest(args, Json.MAPPER.treeToValue(t.get("expected"), Object.class)));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        }
        return out;
    }

    private static String errorRow(int lineNo, String message) {
        ObjectNode row = Json.MAPPER.createObjectNode();
        row.put("line", lineNo);
        row.put("error", "line " + lineNo + ": " + message);
        return Json.line(row);
    }
}
