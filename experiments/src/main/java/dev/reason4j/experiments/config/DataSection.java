package dev.reason4j.experiments.config;

import dev.reason4j.datasets.BadRowPolicy;
import java.nio.file.Path;
import java.util.Map;

/**
 * The problems: where they come from, how they become prompts, and which are held out for
 * evaluation. No default for the source: a run must say what it trains on.
 *
 * @param source           a dataset file (JSONL, JSON, CSV/TSV or Parquet); relative paths are from the
 *                         working directory. Exactly one of source and generator (neither only for an
 *                         evaluation-only config: {@code grpo.steps: 0} with {@code eval_source})
 * @param generator        synthetic problems instead of a file (see {@link GeneratorSection})
 * @param preset           the file's schema: {@code gsm8k}, {@code math}, {@code aime}, {@code code},
 *                         {@code prompt_answer}, or {@code auto} (default: told from the first row)
 * @param fields           an explicit column mapping instead of a preset ({@code prompt, answer,
 *                         answer_format, solution, tests, id, messages, function_name, metadata}), each
 *                         a column name or a list of candidates
 * @param template         how a question becomes the prompt: {@code r1_zero} (default: DeepSeek-R1-Zero's
 *                         base-model prompt, ending in an opened {@code <think>}), {@code boxed}, {@code plain},
 *                         or the chat templates {@code chat}, {@code chat_r1}, {@code chat_boxed}, rendered
 *                         through the model's own chat template (instruct models)
 * @param templateOverride your own text (or, for a chat template, user message) with {@code {question}};
 *                         a chat template keeps its system prompt
 * @param systemPrompt     system message for a chat template (replaces the template's own)
 * @param heldOut          evaluation problems split off the source (see {@link HeldOutSection}); default none
 * @param evalSource       a separate evaluation file (read with the same preset/fields) instead of
 *                         held_out; training copies of its prompts are dropped
 * @param badRows          a row that cannot be read: {@code fail} (default: stop, naming file:line) or
 *                         {@code skip} (count it and go on)
 */
public record DataSection(@Default("null") Path source,
                          @Default("null") GeneratorSection generator,
                          @Default("auto") String preset,
                          @Default("null") Map<String, Object> fields,
                          @Default("r1_zero") String template,
                          @Default("null") String templateOverride,
                          @Default("null") String systemPrompt,
                          @Default("null") HeldOutSection heldOut,
                          @Default("null") Path evalSource,
                          @Default("fail") BadRowPolicy badRows) {
    public DataSection {
        if (source != null && generator != null) {
            throw new InvalidSetting("generator", "give source or generator, not both");
        }
        if (fields != null && !preset.strip().equalsIgnoreCase("auto")) {
            throw new InvalidSetting("fields", "give preset or fields, not both: fields is a column mapping that replaces the preset");
        }
        if (heldOut != null && evalSource != null) {
            throw new InvalidSetting("eval_source", "give held_out or eval_source, not both: both name the evaluation problems");
        }
    }

    /** Whether problems to train on are configured (an evaluation-only config has none). */
    public boolean hasTrainingSource() {
        return source != null || generator != null;
    }
}
