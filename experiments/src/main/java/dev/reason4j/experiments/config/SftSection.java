package dev.reason4j.experiments.config;

/**
 * A supervised warm start before RL (DeepSeek-R1's "cold start"): teacher-forced training on each
 * training problem's worked solution (metadata {@code solution}, which the generators and the GSM8K/MATH
 * presets provide). The loss covers response tokens only. Defaults follow TRL's SFTConfig.
 *
 * @param epochs       passes over the examples (default 3)
 * @param batchSize    examples per optimizer step (default 8)
 * @param learningRate peak rate; linear warmup, then cosine to a tenth of it (default 2e-5)
 * @param warmupSteps  optimizer steps of warmup (default 0)
 * @param maxGradNorm  global gradient-norm clipping (default 1.0)
 * @param weightDecay  AdamW's decoupled weight decay (default 0.0)
 * @param response     what the model learns to write after the prompt, with placeholders from the
 *                     problem: {@code {answer}}, and any metadata key ({@code {solution}},
 *                     {@code {reasoning}}, Countdown's {@code {solution_expression}}…); default
 *                     {@code "{solution}"}. Under the R1-Zero template, whose prompt opens {@code <think>},
 *                     write e.g. {@code "{reasoning}</think>\n<answer>{answer}</answer>"}. EOS is appended
 */
public record SftSection(@Default("3") @Range(min = 1) int epochs,
                         @Default("8") @Range(min = 1) int batchSize,
                         @Default("2e-5") @Range(min = 0, minExclusive = true) double learningRate,
                         @Default("0") @Range(min = 0) int warmupSteps,
                         @Default("1.0") @Range(min = 0, minExclusive = true) double maxGradNorm,
                         @Default("0.0") @Range(min = 0) double weightDecay,
                         @Default("'{solution}'") String response) {
    public SftSection {
        if (response.isBlank()) {
            throw new InvalidSetting("response", "must not be empty; the default is \"{solution}\"");
        }
    }
}
