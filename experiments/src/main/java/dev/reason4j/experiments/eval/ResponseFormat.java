package dev.reason4j.experiments.eval;

import java.util.regex.Pattern;

/**
 * The layout of a response, for format compliance. A prompt that ends by opening {@code <think>}
 * (R1-Zero's template: {@code "Assistant: <think>"}, or a chat template that adds it) has the model
 * write from inside the block, so the response is read as {@code "<think>" + completion}.
 *
 * <pre>{@code
 * ResponseFormat.asWritten("… Assistant: <think>", "2+2=4</think> <answer>4</answer>");
 *     // "<think>2+2=4</think> <answer>4</answer>"
 * ResponseFormat.isR1Layout("<think>2+2=4</think> <answer>4</answer>");   // true
 * ResponseFormat.isR1Layout("<answer>4</answer>");                        // false: no reasoning block
 * }</pre>
 */
public final class ResponseFormat {
    private static final String OPEN_THINK = "<think>";
    /** One think block, then one answer block, nothing around them but whitespace; neither tag nests or repeats. */
    private static final Pattern R1_LAYOUT = Pattern.compile(
            "\\s*<think>(?:(?!</?think>).)*</think>\\s*<answer>(?:(?!</?answer>|</?think>).)*</answer>\\s*", Pattern.DOTALL);

    private ResponseFormat() {
    }

    /** Whether the prompt leaves a {@code <think>} block open for the model to continue. */
    public static boolean promptOpensThink(String promptText) {
        return promptText != null && promptText.stripTrailing().endsWith(OPEN_THINK);
    }

    /** The response as the verifiers should read it: with the prompt's open {@code <think>} put back in front. */
    public static String asWritten(String promptText, String completion) {
        return promptOpensThink(promptText) ? OPEN_THINK + completion : completion;
    }

    /** DeepSeek-R1-Zero's layout: {@code <think>…</think><answer>…</answer>} and nothing else. */
    public static boolean isR1Layout(String response) {
        return response != null && R1_LAYOUT.matcher(response).matches();
    }
}
