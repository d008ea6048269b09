package dev.reason4j.rollout;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.reason4j.core.Completion;
import dev.reason4j.model.DecoderModel;
import dev.reason4j.model.FusedWeights;
import dev.reason4j.model.KvCache;
import dev.reason4j.model.TorchThreads;
import dev.reason4j.model.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Samples completions with the policy in this JVM. Each batch left-pads its prompts, prefills each
 * prompt once, copies its KV cache rows to the prompt's samples, and decodes all rows together;
 * finished rows are dropped from the batch (the cache compacted) once enough of them pile up.
 * Batches are cut so rows × (prompt + new tokens) stays within {@link RolloutOptions#maxBatchTokens}.
 * With {@link RolloutOptions#lanes} above 1, each batch is cut into that many parts decoded at once on
 * the engine's own threads; a completion's tokens do not change (its randomness is its own).
 *
 * <p>Not thread-safe: one generate call at a time (the server serialises them).
 */
public final class LocalRolloutEngine implements RolloutEngine {
    private final DecoderModel model;
    private final Tokenizer tokenizer;
    private final RolloutOptions options;
    private final Set<Integer> eos;
    private final ExecutorService lanePool; // null with one lane
    private RolloutStats lastStats = RolloutStats.NONE;

    /** The engine borrows the model and tokenizer; their owner closes them. */
    public LocalRolloutEngine(DecoderModel model, Tokenizer tokenizer, RolloutOptions options) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.options = options;
        this.eos = new HashSet<>(tokenizer.eosTokenIds());
        this.eos.addAll(model.config().eosTokenIds());
        if (options.lanes() > 1) {
            AtomicInteger counter = new AtomicInteger();
            this.lanePool = Executors.newFixedThreadPool(options.lanes(), r -> {
                Thread t = new Thread(r, "rollout-lane-" + counter.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        } else {
            this.lanePool = null;
        }
    }

    public DecoderModel model() {
        return model;
    }

    @Override
    public List<List<Completion>> generate(List<GenerationRequest> requests) {
        List<List<Completion>> out = new ArrayList<>();
        for (GenerationRequest r : requests) {
            out.add(new ArrayList<>(java.util.Collections.nCopies(r.n(), (Completion) null)));
        }
        RolloutStats stats = RolloutStats.NONE;
        for (List<Slice> batch : BatchPlanner.plan(requests, options.maxBatchTokens())) {
            List<List<Slice>> parts = lanes(batch, options.lanes());
            stats = stats.plus(parts.size() == 1 ? generateBatch(requests, batch, out, null) : generateInLanes(requests, parts, out));
        }
        lastStats = stats;
        return out;
    }

    @Override
    public RolloutStats lastStats() {
        return lastStats;
    }

    /** A run of consecutive samples of one request that share a prefill. */
    record Slice(int request, int firstSample, int count) {
    }

    /** Cuts a batch's slices into at most {@code lanes} parts with row counts as equal as possible. */
    static List<List<Slice>> lanes(List<Slice> batch, int lanes) {
        int rows = batch.stream().mapToInt(Slice::count).sum();
        int n = Math.min(lanes, rows);
        List<List<Slice>> parts = new ArrayList<>();
        List<Slice> current = new ArrayList<>();
        int lane = 0;
        int filled = 0; // rows placed in lanes before the current one, plus the current one's
        for (Slice slice : batch) {
            int first = slice.firstSample();
            int left = slice.count();
            while (left > 0) {
                int laneEnd = (int) ((long) rows * (lane + 1) / n);
                int take = Math.min(left, laneEnd - filled);
                current.add(new Slice(slice.request(), first, take));
                first += take;
                left -= take;
                filled += take;
                if (filled == laneEnd) {
                    parts.add(current);
                    current = new ArrayList<>();
                    lane++;
                }
            }
        }
        return parts;
    }

    /** Decodes each part on its own lane thread, each with a share of libtorch's intra-op threads. */
    private RolloutStats generateInLanes(List<GenerationRequest> requests, List<List<Slice>> parts, List<List<Completion>> out) {
        int longest = 0;
        for (List<Slice> part : parts) {
            for (Slice slice : part) {
                GenerationRequest r = requests.get(slice.request());
                longest = Math.max(longest, r.promptIds().length + r.params().maxNewTokens());
            }
        }
        model.reservePositions(longest + 1);
        int threads = TorchThreads.intraOp();
        TorchThreads.setIntraOp(Math.max(1, threads / parts.size()));
        long start = System.nanoTime();
        try (FusedWeights shared = FusedWeights.of(model)) {
            List<Future<RolloutStats>> running = new ArrayList<>();
            for (List<Slice> part : parts) {
                running.add(lanePool.submit(() -> generateBatch(requests, part, out, shared)));
            }
            RolloutStats sum = RolloutStats.NONE;
            long steps = 0;
            double prefill = 0;
            RuntimeException failure = null;
            boolean interrupted = false;
            // Every lane is waited for, even after an interrupt: the shared weights are closed when this block ends.
            for (Future<RolloutStats> f : running) {
                while (true) {
                    try {
                        RolloutStats s = f.get();
                        sum = sum.plus(s);
                        steps = Math.max(steps, s.decodeSteps());
                        prefill = Math.max(prefill, s.prefillSeconds());
                        break;
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (failure == null) {
                            failure = cause instanceof RuntimeException re ? re : new IllegalStateException("rollout lane failed", cause);
                        }
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
                throw new dev.reason4j.core.Reason4jException("interrupted while decoding");
            }
            if (failure != null) {
                throw failure;
            }
            double wall = (System.nanoTime() - start) / 1e9;
            return new RolloutStats(sum.prefillTokens(), sum.generatedTokens(), steps, prefill, wall - prefill);
        } finally {
            TorchThreads.setIntraOp(threads);
        }
    }

    /** Prefills and decodes one batch; {@code shared} holds the fused weights when lanes share them, else null. */
    private RolloutStats generateBatch(List<GenerationRequest> requests, List<Slice> slices, List<List<Completion>> out,
                                       FusedWeights shared) {
        List<SequenceState> rows = new ArrayList<>();
        int[] rowToSlice = new int[slices.stream().mapToInt(Slice::count).sum()];
        int maxPrompt = 0;
        int maxNew = 0;
        for (int s = 0; s < slices.size(); s++) {
            Slice slice = slices.get(s);
            GenerationRequest req = requests.get(slice.request());
            maxPrompt = Math.max(maxPrompt, req.promptIds().length);
            maxNew = Math.max(maxNew, req.params().maxNewTokens());
            for (int i = 0; i < slice.count(); i++) {
                rowToSlice[rows.size()] = s;
                long sequenceId = req.firstSequenceId() + slice.firstSample() + i;
                rows.add(new SequenceState(slice.request(), sequenceId, req.params(), req.promptIds()));
            }
        }
        int longestStop = rows.stream().flatMap(r -> r.params.stop().stream()).mapToInt(String::length).max().orElse(0);
        long prefillTokens = slices.stream().mapToLong(s -> requests.get(s.request()).promptIds().length).sum();
        long steps = 0;
        double prefillSeconds;
        long start = System.nanoTime();
        try (NDManager batch = model.manager().newSubManager();
             KvCache cache = KvCache.allocate(model.config(), batch, slices.size(), maxPrompt + maxNew, model.dataType(), shared)) {
            NDManager stepManager = batch.newSubManager();
            NDArray logits = prefill(requests, slices, maxPrompt, cache, stepManager); // (slices, V)
            long[] expand = new long[rows.size()];
            for (int r = 0; r < expand.length; r++) {
                expand[r] = rowToSlice[r];
            }
            cache.selectRows(toInts(expand));
            logits = logits.get(stepManager.create(expand)); // (R, V)
            prefillSeconds = (System.nanoTime() - start) / 1e9;
            List<SequenceState> live = new ArrayList<>(rows);
            for (int t = 0; ; t++) {
                sampleInto(live, logits, t);
                steps++;
                long finished = live.stream().filter(SequenceState::finished).count();
                if (finished == live.size()) {
                    break;
                }
                if (finished >= Math.max(1, options.compactionFraction() * live.size())) {
                    live = compact(live, cache);
                }
                NDManager next = batch.newSubManager();
                logits = decodeStep(live, cache, next);
                stepManager.close();
                stepManager = next;
            }
            stepManager.close();
        }
        double total = (System.nanoTime() - start) / 1e9;
        for (SequenceState r : rows) {
            GenerationRequest req = requests.get(r.request);
            out.get(r.request).set((int) (r.sequenceId - req.firstSequenceId()), r.toCompletion(tokenizer));
        }
        return new RolloutStats(prefillTokens, rows.stream().mapToLong(SequenceState::length).sum(), steps,
                prefillSeconds, total - prefillSeconds);
    }

    /** Runs every slice's prompt once, left-padded; returns the next-token logits (slices, V). */
    private NDArray prefill(List<GenerationRequest> requests, List<Slice> slices, int maxPrompt, KvCache cache, NDManager m) {
        long[] ids = new long[slices.size() * maxPrompt];
        long[] mask = new long[ids.length];
        for (int s = 0; s < slices.size(); s++) {
            int[] prompt = requests.get(slices.get(s).request()).promptIds();
            int pad = maxPrompt - prompt.length;
            for (int i = 0; i < prompt.length; i++) {
                ids[s * maxPrompt + pad + i] = prompt[i];
                mask[s * maxPrompt + pad + i] = 1;
            }
        }
        Shape shape = new Shape(slices.size(), maxPrompt);
        NDArray hidden = model.hiddenStates(m.create(ids, shape), m.create(mask, shape), cache);
        return model.lastLogits(hidden);
    }

    private void sampleInto(List<SequenceState> live, NDArray logits, int step) {
        List<SamplingParams> params = new ArrayList<>(live.size());
        double[] uniforms = new double[live.size()];
        for (int r = 0; r < live.size(); r++) {
            SequenceState s = live.get(r);
            params.add(s.params);
            uniforms[r] = SequenceRandom.uniform(s.params.seed(), s.sequenceId, step);
        }
        TokenSampler.Sampled sampled = TokenSampler.sample(logits, params, uniforms);
        for (int r = 0; r < live.size(); r++) {
            SequenceState s = live.get(r);
            if (!s.finished()) {
                s.append((int) sampled.tokens()[r], sampled.logProbs()[r], eos, tokenizer, longestStop(s));
            }
        }
    }

    private static int longestStop(SequenceState s) {
        int max = 0;
        for (String stop : s.params.stop()) {
            max = Math.max(max, stop.length());
        }
        return max;
    }

    /** Feeds each row's last token (finished rows still in the batch get a masked filler). */
    private NDArray decodeStep(List<SequenceState> live, KvCache cache, NDManager m) {
        long[] ids = new long[live.size()];
        long[] mask = new long[live.size()];
        for (int r = 0; r < live.size(); r++) {
            SequenceState s = live.get(r);
            if (!s.finished()) {
                ids[r] = s.lastToken();
                mask[r] = 1;
            }
        }
        Shape shape = new Shape(live.size(), 1);
        NDArray hidden = model.hiddenStates(m.create(ids, shape), m.create(mask, shape), cache);
        return model.lastLogits(hidden);
    }

    private static List<SequenceState> compact(List<SequenceState> live, KvCache cache) {
        List<SequenceState> kept = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < live.size(); r++) {
            if (!live.get(r).finished()) {
                kept.add(live.get(r));
                rows.add(r);
            }
        }
        cache.selectRows(rows.stream().mapToInt(Integer::intValue).toArray());
        return kept;
    }

    private static int[] toInts(long[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (int) values[i];
        }
        return out;
    }

    /** Stops the lane threads; the model and tokenizer belong to the caller. */
    @Override
    public void close() {
        if (lanePool != null) {
            lanePool.shutdownNow();
        }
    }
}
