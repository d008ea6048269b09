package dev.reason4j.rollout;

import dev.reason4j.core.Completion;
import dev.reason4j.core.FinishReason;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.util.Arrays;
import java.util.Set;

/** One completion being sampled: its tokens so far and whether it has finished. */
final class SequenceState {
    final int request;
    final long sequenceId;
    final SamplingParams params;
    final int[] promptIds;
    private int[] tokens;
    private float[] logProbs;
    private int length;
    private FinishReason finish;

    SequenceState(int request, long sequenceId, SamplingParams params, int[] promptIds) {
        this.request = request;
        this.sequenceId = sequenceId;
        this.params = params;
        this.promptIds = promptIds;
        this.tokens = new int[Math.min(64, params.maxNewTokens())];
        this.logProbs = new float[tokens.length];
    }

    boolean finished() {
        return finish != null;
    }

    int length() {
        return length;
    }

    int lastToken() {
        return tokens[length - 1];
    }

    /** Appends a sampled token and decides whether the sequence is done. */
    void append(int token, float logProb, Set<Integer> eos, Tokenizer tokenizer, int longestStop) {
        if (length == tokens.length) {
            tokens = Arrays.copyOf(tokens, Math.min(params.maxNewTokens(), 2 * length));
            logProbs = Arrays.copyOf(logProbs, tokens.length);
        }
        tokens[length] = token;
        logProbs[length] = logProb;
        length++;
        if ((!params.ignoreEos() && eos.contains(token)) || (longestStop > 0 && endsInStop(tokenizer, longestStop))) {
            finish = FinishReason.STOP;
        } else if (length >= params.maxNewTokens()) {
            finish = FinishReason.LENGTH;
        }
    }

    /** Decodes only a tail long enough to hold any stop string: stop checks stay O(1) per token. */
    private boolean endsInStop(Tokenizer tokenizer, int longestStop) {
        int from = Math.max(0, length - longestStop - 4);
        String tail = tokenizer.decode(Arrays.copyOfRange(tokens, from, length), true);
        for (String s : params.stop()) {
            if (tail.contains(s)) {
                return true;
            }
        }
        return false;
    }

    Completion toCompletion(Tokenizer tokenizer) {
        int[] ids = Arrays.copyOf(tokens, length);
        String text = tokenizer.decode(ids, true);
        int cut = text.length();
        for (String s : params.stop()) {
            int at = text.indexOf(s);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        FinishReason reason = finish == null ? FinishReason.LENGTH : finish;
        return new Completion(promptIds, ids, text.substring(0, cut), Arrays.copyOf(logProbs, length), reason);
    }
}
