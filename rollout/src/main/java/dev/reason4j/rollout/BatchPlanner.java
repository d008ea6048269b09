package dev.reason4j.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts requests into batches whose KV cache, rows × (longest prompt + most new tokens), fits the
 * token budget. A request may be split across batches (its samples keep their sequence ids, so the
 * tokens do not change); a single row always fits, whatever the budget.
 */
final class BatchPlanner {
    private BatchPlanner() {
    }

    static List<List<LocalRolloutEngine.Slice>> plan(List<GenerationRequest> requests, long maxBatchTokens) {
        List<List<LocalRolloutEngine.Slice>> batches = new ArrayList<>();
        List<LocalRolloutEngine.Slice> current = new ArrayList<>();
        long rows = 0;
        long width = 0;
        for (int q = 0; q < requests.size(); q++) {
            GenerationRequest r = requests.get(q);
            long rowWidth = r.promptIds().length + (long) r.params().maxNewTokens();
            int next = 0;
            while (next < r.n()) {
                long newWidth = Math.max(width, rowWidth);
                long room = rows == 0 ? Math.max(1, maxBatchTokens / newWidth) : maxBatchTokens / newWidth - rows;
                if (room <= 0) {
                    batches.add(current);
                    current = new ArrayList<>();
                    rows = 0;
                    width = 0;
                    continue;
                }
                int take = (int) Math.min(room, r.n() - next);
                current.add(new LocalRolloutEngine.Slice(q, next, take));
                rows += take;
                width = newWidth;
                next += take;
            }
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
