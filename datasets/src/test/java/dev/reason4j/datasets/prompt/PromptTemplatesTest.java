package dev.reason4j.datasets.prompt;

import dev.reason4j.core.ChatMessage;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PromptTemplatesTest {
    private static final String QUESTION = "What is 6 * 7?";

    @Test
    void r1ZeroQuotesTheDeepSeekTemplateAndOpensThink() {
        Prompt prompt = PromptTemplates.named("r1_zero").render(QUESTION);
        assertEquals("A conversation between User and Assistant. The user asks a question, and the Assistant solves it. "
                + "The assistant first thinks about the reasoning process in the mind and then provides the user with the answer. "
                + "The reasoning process and answer are enclosed within <think> </think> and <answer> </answer> tags, respectively, "
                + "i.e., <think> reasoning process here </think> <answer> answer here </answer>. "
                + "User: What is 6 * 7?\nAssistant: <think>", prompt.text());
    }

    @Test
    void boxedTemplateAsksForTheBoxedAnswer() {
        assertEquals("What is 6 * 7?\nPlease reason step by step, and put your final answer within \\boxed{}.",
                PromptTemplates.named("boxed").render(QUESTION).text());
    }

    @Test
    void chatTemplatesGiveMessagesWithAndWithoutSystemPrompt() {
        assertEquals(Prompt.chat(List.of(ChatMessage.user(QUESTION))), PromptTemplates.named("chat").render(QUESTION));
        Prompt r1 = PromptTemplates.named("chat_r1").render(QUESTION);
        assertEquals(List.of(ChatMessage.system(PromptTemplates.R1_INSTRUCTION), ChatMessage.user(QUESTION)), r1.messages());
        assertEquals(ChatMessage.user(QUESTION + "\n" + PromptTemplates.BOXED_INSTRUCTION),
                PromptTemplates.named("chat_boxed").render(QUESTION).messages().get(0));
    }

    @Test
    void customStringFillsQuestionAndUnescapesDoubledBraces() {
        PromptTemplate template = PromptTemplates.text("Q: {question}\nWrite {{answer}} as \\boxed{} or \\frac{1}{2}.\nA:");
        assertEquals("Q: What is 6 * 7?\nWrite {answer} as \\boxed{} or \\frac{1}{2}.\nA:", template.render(QUESTION).text());
        assertEquals("Q: $1 \\{question} x\nA:", PromptTemplates.text("Q: {question}\nA:").render("$1 \\{question} x").text());
    }

    @Test
    void unknownPlaceholderAndMissingQuestionAreClearErrors() {
        assertEquals("prompt template 'custom' has an unknown placeholder {problem}: the only placeholder is {question}; "
                        + "write {{problem}} for literal braces",
                assertThrows(Reason4jException.class, () -> PromptTemplates.text("Solve {problem}")).getMessage());
        assertEquals("prompt template 'custom' has no {question} placeholder, so the question would never reach the model: add {question}",
                assertThrows(Reason4jException.class, () -> PromptTemplates.text("Solve it.")).getMessage());
        assertEquals("unknown prompt template 'r1'\u003a use one of r1_zero, boxed, plain, chat, chat_r1, chat_boxed, "
                        + "or write your own string containing {question}",
                assertThrows(Reason4jException.class, () -> PromptTemplates.named("r1")).getMessage());
    }

    @Test
    void resolveOverridesTheTextAndKeepsAChatTemplatesSystemPrompt() {
        assertEquals("Solve: What is 6 * 7?", PromptTemplates.resolve("boxed", "Solve: {question}").render(QUESTION).text());
        Prompt chat = PromptTemplates.resolve("chat_r1", "Solve: {question}").render(QUESTION);
        assertEquals(List.of(ChatMessage.system(PromptTemplates.R1_INSTRUCTION), ChatMessage.user("Solve: What is 6 * 7?")), chat.messages());
        assertEquals(PromptTemplates.named("r1_zero"), PromptTemplates.resolve(null, null));
    }

    @Test
    void applyToKeepsTheRawQuestionAndEverythingElse() {
        Problem problem = Problem.math("p1", Prompt.text(QUESTION), "42", Map.of("level", 1));
        Problem templated = PromptTemplates.named("r1_zero").applyTo(problem);
        assertEquals("42", templated.answer());
        assertEquals("p1", templated.id());
        assertEquals(Map.of("level", 1, "question", QUESTION), templated.metadata());
        assertEquals(PromptTemplates.named("r1_zero").render(QUESTION), templated.prompt());
    }

    @Test
    void chatProblemsGetTheSystemPromptOnlyFromChatTemplates() {
        Problem chat = Problem.math("c1", Prompt.chat(List.of(ChatMessage.user(QUESTION))), "42", Map.of());
        assertEquals(List.of(ChatMessage.system(PromptTemplates.R1_INSTRUCTION), ChatMessage.user(QUESTION)),
                PromptTemplates.named("chat_r1").applyTo(chat).prompt().messages());
        Reason4jException e = assertThrows(Reason4jException.class, () -> PromptTemplates.named("r1_zero").applyTo(chat));
        assertEquals("problem c1 has a chat prompt, but template 'r1_zero' writes plain text: use a chat template "
                + "(chat, chat_r1, chat_boxed) or map a text prompt column", e.getMessage());
    }
}
