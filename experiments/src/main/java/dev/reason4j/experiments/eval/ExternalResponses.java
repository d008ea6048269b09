package dev.reason4j.experiments.eval;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reason4j.core.FinishReason;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.experiments.eval.EvalFiles.JsonLine;
import dev.reason4j.experiments.eval.ProblemScorer.RawSample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Scores completions produced elsewhere. The file is JSON lines; each row is an object with
 * <ul>
 *   <li>{@code "response"} (a string) or {@code "responses"} (an array of strings) — required;</li>
 *   <li>{@code "id"} and/or the question as {@code "problem"} or {@code "question"} — at least one;
 *       rows with the same id (else the same question) are one problem, their responses appended in
 *       file order;</li>
 *   <li>the reference: {@code "answer"} (string or number), or Countdown's {@code "numbers"} and
 *       {@code "target"}, or nothing when the id names a problem of the dataset passed along
 *       (the row's own answer takes precedence) or an earlier row of the same problem gave it;</li>
 *   <li>optionally {@code "prompt"}: the exact prompt text the model continued (a prompt ending in
 *       {@code <think>} makes the completion count as continuing that block), and
 *       {@code "finish_reason"} / {@code "finish_reasons"} ({@code stop} or {@code length}).</li>
 * </ul>
 * <pre>{@code
 * {"id": "gsm8k-7", "responses": ["... \\boxed{18}", "... \\boxed{17}"], "answer": "18"}
 * {"question": "What is 2+2?", "response": "<think>2+2=4</think><answer>4</answer>", "answer": 4}
 * {"id": "cd-1", "response": "<answer>(3+5)*3</answer>", "numbers": [3, 5, 3], "target": 24}
 * }</pre>
 * Lengths in tokens are unknown here, so they stay null.
 */
final class ExternalResponses {
    private ExternalResponses() {
    }

    /** The responses of one problem gathered from the rows that name it. */
    private static final class Gathered {
        final Problem problem;
        final String prompt;
        final String firstWhere;
        final List<RawSample> samples = new ArrayList<>();

        Gathered(Problem problem, String prompt, String firstWhere) {
            this.problem = problem;
            this.prompt = prompt;
            this.firstWhere = firstWhere;
        }
    }

    static EvalResults score(Path file, List<Problem> knownProblems, Integer k, List<Integer> passAtK, ProblemJudge judge) {
        Map<String, Problem> known = new LinkedHashMap<>();
        knownProblems.forEach(p -> known.put(p.id(), p));
        Map<String, Gathered> byKey = new LinkedHashMap<>();
        for (JsonLine line : EvalFiles.readJsonLines(file, "responses")) {
            gather(line, known, byKey);
        }
        if (byKey.isEmpty()) {
            throw new Reason4jException(file + " holds no responses: write one JSON object per line with \"response\" or \"responses\"");
        }
        Gathered smallest = byKey.values().stream().min((a, b) -> Integer.compare(a.samples.size(), b.samples.size())).orElseThrow();
        int minN = smallest.samples.size();
        int voteK = k == null ? minN : k;
        if (voteK < 1 || voteK > minN) {
            throw new Reason4jException("k = " + voteK + " but problem " + smallest.problem.id() + " (" + smallest.firstWhere + ") has only "
                    + minN + " response(s): choose k in 1.." + minN);
        }
        List<Integer> ks = passAtK == null ? EvalSettings.defaultPassAtK(voteK) : List.copyOf(passAtK);
        EvalSettings.requirePassAtKWithin(ks, minN, "the fewest responses of any problem");
        List<ProblemResult> results = new ArrayList<>(byKey.size());
        for (Gathered g : byKey.values()) {
            results.add(ProblemScorer.score(g.problem, g.prompt, g.samples, null, voteK, judge));
        }
        return new EvalResults(results, EvalSummary.of(results, voteK, ks, null, Map.of("responses", file.toString())));
    }

    private static void gather(JsonLine line, Map<String, Problem> known, Map<String, Gathered> byKey) {
        JsonNode row = line.node();
        if (!row.isObject()) {
            throw new Reason4jException(line.where() + ": expected a JSON object with \"response\" or \"responses\", got " + row.getNodeType());
        }
        List<String> responses = responses(line);
        List<String> finish = finishReasons(line, responses.size());
        String id = text(row, "id");
        String question = firstText(row, "problem", "question");
        String key = id != null ? id : question;
        if (key == null) {
            throw new Reason4jException(line.where() + ": a row needs an \"id\" or the question (\"problem\" or \"question\") "
                    + "to tell which problem its responses answer");
        }
        Gathered earlier = byKey.get(key);
        Problem problem = earlier != null && !hasReference(row) ? earlier.problem : problem(line, key, question, known.get(key));
        Gathered g = byKey.computeIfAbsent(key, kk -> new Gathered(problem, Objects.requireNonNullElse(text(row, "prompt"), ""),
                line.where()));
        if (!Objects.equals(g.problem.answer(), problem.answer())) {
            throw new Reason4jException(line.where() + ": problem " + key + " has the answer " + problem.answer() + " here but "
                    + g.problem.answer() + " at " + g.firstWhere + "; rows of one problem must agree");
        }
        for (int i = 0; i < responses.size(); i++) {
            g.samples.add(new RawSample(responses.get(i), finish == null ? null : finish.get(i), null));
        }
    }

    private static boolean hasReference(JsonNode row) {
        return text(row, "answer") != null || (row.has("numbers") && row.has("target"));
    }

    private static Problem problem(JsonLine line, String key, String question, Problem knownProblem) {
        JsonNode row = line.node();
        String answer = text(row, "answer");
        boolean countdown = row.has("numbers") && row.has("target");
        if (!hasReference(row)) {
            if (knownProblem != null) {
                return knownProblem;
            }
            throw new Reason4jException(line.where() + ": no reference for problem " + key + ": give \"answer\" (or \"numbers\" and "
                    + "\"target\" for Countdown), or pass the dataset (--data or --task) so its id can be looked up");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (countdown) {
            metadata.put("numbers", EvalFiles.MAPPER.convertValue(row.get("numbers"), Object.class));
            metadata.put("target", EvalFiles.MAPPER.convertValue(row.get("target"), Object.class));
        }
        String reference = answer != null ? answer : row.get("target").asText();
        return Problem.math(key, Prompt.text(question == null ? "" : question), reference, metadata);
    }

    private static List<String> responses(JsonLine line) {
        JsonNode row = line.node();
        if (row.path("response").isTextual()) {
            return List.of(row.get("response").asText());
        }
        JsonNode many = row.path("responses");
        if (many.isArray() && !many.isEmpty()) {
            List<String> out = new ArrayList<>();
            for (JsonNode r : many) {
                if (!r.isTextual()) {
                    throw new Reason4jException(line.where() + ": \"responses\" must hold strings, found " + r.getNodeType());
                }
                out.add(r.asText());
            }
            return out;
        }
        throw new Reason4jException(line.where() + ": needs \"response\" (a string) or \"responses\" (a non-empty array of strings)");
    }

    private static List<String> finishReasons(JsonLine line, int count) {
        JsonNode row = line.node();
        List<String> out = new ArrayList<>();
        if (row.path("finish_reason").isTextual()) {
            out.add(row.get("finish_reason").asText());
        } else if (row.path("finish_reasons").isArray()) {
            row.get("finish_reasons").forEach(f -> out.add(f.asText()));
        } else {
            return null;
        }
        if (out.size() != count) {
            throw new Reason4jException(line.where() + ": " + out.size() + " finish reason(s) for " + count + " response(s)");
        }
        try {
            out.forEach(FinishReason::fromWire);
        } catch (Reason4jException e) {
            throw new Reason4jException(line.where() + ": " + e.getMessage());
        }
        return out;
    }

    private static String firstText(JsonNode row, String... fields) {
        for (String f : fields) {
            String t = text(row, f);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** A string or number field as text; null when absent or null. */
    private static String text(JsonNode row, String field) {
        JsonNode v = row.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }
}
