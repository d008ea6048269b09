package dev.reason4j.core;

/** Why a completion ended: an EOS token or stop string ({@code stop}), or the token limit ({@code length}). */
public enum FinishReason {
    STOP("stop"),
    LENGTH("length");

    private final String wire;

    FinishReason(String wire) {
        this.wire = wire;
    }

    /** The OpenAI / vLLM spelling. */
    public String wire() {
        return wire;
    }

    public static FinishReason fromWire(String s) {
        for (FinishReason r : values()) {
            if (r.wire.equals(s)) {
                return r;
            }
        }
        throw new Reason4jException("unknown finish_reason \"" + s + "\": expected stop or length");
    }
}
