package dev.reason4j.model;

import dev.reason4j.core.Reason4jException;

/**
 * The {@code rope_scaling} of an HF config that we implement: none, {@code linear} (positions divided
 * by a factor) and {@code llama3} (Llama 3.1+'s frequency-dependent rescaling). Anything else is
 * refused by name rather than silently ignored, because ignoring it gives wrong logits past the
 * original context.
 */
public record RopeScaling(String type, double factor, double lowFreqFactor, double highFreqFactor,
                          int originalMaxPositionEmbeddings) {
    public static final RopeScaling NONE = new RopeScaling("default", 1.0, 0, 0, 0);

    public RopeScaling {
        if (!(type.equals("default") || type.equals("linear") || type.equals("llama3"))) {
            throw new Reason4jException("rope_scaling type \"" + type + "\" is not supported (supported: linear, llama3); "
                    + "remove rope_scaling from config.json only if the model was trained without it");
        }
        if (!(factor > 0)) {
            throw new Reason4jException("rope_scaling.factor must be > 0, got " + factor);
        }
    }

    /**
     * The rotary inverse frequencies {@code theta^(-2j/d)}, rescaled as this scaling prescribes
     * (following transformers' {@code _compute_llama3_parameters} and linear scaling).
     */
    public double[] inverseFrequencies(double theta, int headDim) {
        int half = headDim / 2;
        double[] inv = new double[half];
        for (int j = 0; j < half; j++) {
            inv[j] = 1.0 / Math.pow(theta, (2.0 * j) / headDim);
        }
        switch (type) {
            case "linear" -> {
                for (int j = 0; j < half; j++) {
                    inv[j] /= factor;
                }
            }
            case "llama3" -> {
                double lowFreqWavelen = originalMaxPositionEmbeddings / lowFreqFactor;
                double highFreqWavelen = originalMaxPositionEmbeddings / highFreqFactor;
                for (int j = 0; j < half; j++) {
                    double wavelen = 2 * Math.PI / inv[j];
                    if (wavelen > lowFreqWavelen) {
                        inv[j] = inv[j] / factor;
                    } else if (wavelen >= highFreqWavelen) {
                        double smooth = (originalMaxPositionEmbeddings / wavelen - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
                        inv[j] = (1 - smooth) * inv[j] / factor + smooth * inv[j];
                    }
                }
            }
            default -> { }
        }
        return inv;
    }
}
