package dev.reason4j.experiments.eval;

import dev.reason4j.core.Prompt;
import java.util.Objects;

/** Turns a rendered prompt into the text and token ids the engine sees (for chat prompts, through the model's chat template). */
@FunctionalInterface
public interface PromptEncoder {

    EncodedPrompt encode(Prompt prompt);

    /**
     * @param text the prompt text as the model sees it
     * @param ids  its token ids
     */
    record EncodedPrompt(String text, int[] ids) {
        public EncodedPrompt {
            Objects.requireNonNull(text, "EncodedPrompt.text");
            Objects.requireNonNull(ids, "EncodedPrompt.ids");
        }
    }
}
