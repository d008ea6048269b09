package dev.reason4j.grpo.optim;

/** Which parameters, by HF name, receive AdamW's decoupled weight decay. */
@FunctionalInterface
public interface DecayPolicy {
    boolean decays(String parameterName);

    /**
     * Every parameter except biases and normalisation weights, as HF's Trainer (and so TRL) groups
     * them: decaying an RMSNorm scale pulls it towards 0, not towards the identity 1. Matches
     * {@code *.bias}, {@code input_layernorm}, {@code post_attention_layernorm}, {@code q_norm},
     * {@code k_norm} and the final {@code model.norm}. The embedding and head decay.
     */
    static DecayPolicy exceptNormsAndBiases() {
        return name -> !(name.endsWith(".bias") || name.endsWith("norm.weight"));
    }

    /** Every parameter decays (torch.optim.AdamW given one parameter group). */
    static DecayPolicy all() {
        return name -> true;
    }
}
