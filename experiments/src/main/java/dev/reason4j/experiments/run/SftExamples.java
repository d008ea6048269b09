package dev.reason4j.experiments.run;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import dev.reason4j.grpo.sft.SftExample;
import dev.reason4j.grpo.train.PromptEncoder;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warm-start examples from training problems: the prompt as the model sees it (the template applied,
 * a chat prompt through the chat template), then {@code sft.response} with the problem's values filled
 * in, then EOS. {@code {answer}} is the reference answer; any other {@code {name}} is the metadata
 * value of that name; {@code {{} and {@code }}} write literal braces. A problem lacking a value the
 * response names is left out and counted.
 *
 * @param examples the examples
 * @param skipped  problems left out for lack of a value
 */
public record SftExamples(List<SftExample> examples, int skipped) {
    private static final Pattern TOKEN = Pattern.compile("\\{\\{|}}|\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** @throws Reason4jException when no problem has every value the response names */
    public static SftExamples build(List<Problem> problems, Tokenizer tokenizer, String response) {
        if (tokenizer.eosTokenIds().isEmpty()) {
            throw new Reason4jException("the tokenizer names no EOS token, so the warm start could not teach the model to stop;"
                    + " set eos_token in tokenizer_config.json or generation_config.json");
        }
        int eos = tokenizer.eosTokenIds().get(0);
        PromptEncoder prompts = new PromptEncoder(tokenizer);
        List<SftExample> out = new ArrayList<>();
        int skipped = 0;
        String missing = null;
        for (Problem p : problems) {
            String text = fill(response, p);
            if (text == null) {
                skipped++;
                missing = missing == null ? firstMissing(response, p) : missing;
                continue;
            }
            int[] ids = tokenizer.encode(text, false);
            int[] withEos = java.util.Arrays.copyOf(ids, ids.length + 1);
            withEos[ids.length] = eos;
            out.add(new SftExample(prompts.encode(p.prompt()), withEos));
        }
        if (out.isEmpty()) {
            throw new Reason4jException("sft.response: no training problem has {" + missing + "}; the generators and the gsm8k/math"
                    + " presets provide {solution}; change sft.response or the data");
        }
        return new SftExamples(List.copyOf(out), skipped);
    }

    /** The response with the problem's values filled in, or null when one is missing. */
    static String fill(String pattern, Problem p) {
        Matcher m = TOKEN.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String token = m.group();
            String value = token.equals("{{") ? "{" : token.equals("}}") ? "}" : value(p, m.group(1));
            if (value == null) {
                return null;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String value(Problem p, String name) {
        if (name.equals("answer")) {
            return p.answer();
        }
        Object v = p.metadata().get(name);
        return v == null ? null : String.valueOf(v);
    }

    private static String firstMissing(String pattern, Problem p) {
        Matcher m = TOKEN.matcher(pattern);
        while (m.find()) {
            if (m.group(1) != null && value(p, m.group(1)) == null) {
                return m.group(1);
            }
        }
        return "?";
    }
}
