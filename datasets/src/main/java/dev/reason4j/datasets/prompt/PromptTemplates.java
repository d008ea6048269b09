package dev.reason4j.datasets.prompt;

import dev.reason4j.core.Reason4jException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The built-in templates by name, and templates from a user's string. */
public final class PromptTemplates {
    /** DeepSeek-R1-Zero's instruction (DeepSeek-AI 2025, Table 1), without the User/Assistant turns. */
    public static final String R1_INSTRUCTION = "A conversation between User and Assistant. The user asks a question, "
            + "and the Assistant solves it. The assistant first thinks about the reasoning process in the mind and then "
            + "provides the user with the answer. The reasoning process and answer are enclosed within <think> </think> "
            + "and <answer> </answer> tags, respectively, i.e., <think> reasoning process here </think> "
            + "<answer> answer here </answer>.";

    /** The R1-Zero prompt for base models; generation continues inside the opened {@code <think>}. */
    public static final String R1_ZERO = R1_INSTRUCTION + " User: {question}\nAssistant: <think>";

    /** DeepSeek-R1's recommended instruction for math, appended to the question. */
    public static final String BOXED_INSTRUCTION = "Please reason step by step, and put your final answer within \\boxed{}.";

    private static final Map<String, PromptTemplate> BUILT_IN = new LinkedHashMap<>();

    static {
        register(new TextPromptTemplate("r1_zero", R1_ZERO));
        register(new TextPromptTemplate("boxed", "{question}\n" + BOXED_INSTRUCTION));
        register(new TextPromptTemplate("plain", "{question}"));
        register(new ChatPromptTemplate("chat", null, "{question}"));
        register(new ChatPromptTemplate("chat_r1", R1_INSTRUCTION, "{question}"));
        register(new ChatPromptTemplate("chat_boxed", null, "{question}\n" + BOXED_INSTRUCTION));
    }

    private PromptTemplates() {
    }

    private static void register(PromptTemplate template) {
        BUILT_IN.put(template.name(), template);
    }

    /** A built-in template: {@code r1_zero, boxed, plain, chat, chat_r1, chat_boxed}. */
    public static PromptTemplate named(String name) {
        PromptTemplate template = BUILT_IN.get(name.strip().toLowerCase(Locale.ROOT));
        if (template == null) {
            throw new Reason4jException("unknown prompt template '" + name + "': use one of " + String.join(", ", BUILT_IN.keySet())
                    + ", or write your own string containing {question}");
        }
        return template;
    }

    /** A text template from a user's string containing {@code {question}}. */
    public static PromptTemplate text(String pattern) {
        return new TextPromptTemplate("custom", pattern);
    }

    /** A chat template from a user's system prompt (null for none) and user message containing {@code {question}}. */
    public static PromptTemplate chat(String systemPrompt, String userPattern) {
        return new ChatPromptTemplate("custom_chat", systemPrompt, userPattern);
    }

    /**
     * What a config asks for: the named built-in ({@code r1_zero} when null), with its text (or, for a chat
     * template, its user message) replaced by {@code customPattern} when one is given. A chat template keeps
     * its system prompt.
     */
    public static PromptTemplate resolve(String name, String customPattern) {
        PromptTemplate base = named(name == null ? "r1_zero" : name);
        if (customPattern == null || customPattern.isBlank()) {
            return base;
        }
        return base instanceof ChatPromptTemplate chat
                ? new ChatPromptTemplate("custom_chat", chat.systemPrompt(), customPattern)
                : text(customPattern);
    }
}
