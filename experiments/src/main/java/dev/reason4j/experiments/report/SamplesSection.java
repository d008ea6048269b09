package dev.reason4j.experiments.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The report's sample completions: from the last step (and earlier ones, if the last had too few
 * samples) the {@value #SHOWN} with the highest reward and the {@value #SHOWN} with the lowest, so a
 * reader sees what the policy does well and what it still gets wrong.
 */
final class SamplesSection {
    static final int SHOWN = 3;
    /** Longer completions are cut; the report stays readable and the full text is in samples.jsonl. */
    static final int MAX_CHARS = 4000;

    /** The best and worst rows, each list best-first or worst-first. */
    record Picked(List<SampleRow> best, List<SampleRow> worst, long fromStep, long toStep) {
    }

    private SamplesSection() {
    }

    static String render(Path runDir) {
        StringBuilder md = new StringBuilder("## Sample completions\n\n");
        Path file = runDir.resolve(SampleRow.FILE);
        if (!Files.isRegularFile(file)) {
            return md.append("_No ").append(SampleRow.FILE).append(" in the run directory: no samples to show._\n\n").toString();
        }
        List<SampleRow> scored = SampleRow.read(file).stream().filter(r -> Double.isFinite(r.reward())).toList();
        if (scored.isEmpty()) {
            return md.append("_").append(SampleRow.FILE).append(" has no scored samples._\n\n").toString();
        }
        Picked picked = pick(scored);
        md.append("From ").append(picked.fromStep() == picked.toStep() ? "step " + picked.toStep()
                : "steps " + picked.fromStep() + " to " + picked.toStep())
                .append(": the highest and the lowest rewards.\n\n");
        md.append("### Highest reward\n\n");
        picked.best().forEach(r -> md.append(sample(r)));
        if (!picked.worst().isEmpty()) {
            md.append("### Lowest reward\n\n");
            picked.worst().forEach(r -> md.append(sample(r)));
        }
        return md.toString();
    }

    /**
     * The {@value #SHOWN} best and {@value #SHOWN} worst of the most recent rows: whole steps, latest
     * first, until there are enough for both lists. The two lists never share a row; ties keep file order.
     */
    static Picked pick(List<SampleRow> rows) {
        TreeMap<Long, List<SampleRow>> bySteps = rows.stream()
                .collect(Collectors.groupingBy(SampleRow::step, TreeMap::new, Collectors.toList()));
        List<SampleRow> recent = new ArrayList<>();
        long from = bySteps.lastKey();
        for (Long step : bySteps.descendingKeySet()) {
            if (recent.size() >= 2 * SHOWN) {
                break;
            }
            recent.addAll(bySteps.get(step));
            from = step;
        }
        recent.sort(Comparator.comparingDouble(SampleRow::reward).reversed()
                .thenComparing(Comparator.comparingLong(SampleRow::step).reversed())
                .thenComparingInt(SampleRow::line));
        int best = Math.min(SHOWN, recent.size());
        int worst = Math.min(SHOWN, recent.size() - best);
        List<SampleRow> worstFirst = new ArrayList<>(recent.subList(recent.size() - worst, recent.size()));
        Collections.reverse(worstFirst);
        return new Picked(List.copyOf(recent.subList(0, best)), List.copyOf(worstFirst), from, bySteps.lastKey());
    }

    private static String sample(SampleRow row) {
        StringBuilder md = new StringBuilder("#### ");
        md.append(row.problemId() == null ? "problem (no id)" : "problem " + Markdown.code(row.problemId()));
        md.append(" · step ").append(row.step()).append(" · reward ").append(Markdown.number(row.reward()));
        if (row.correct() != null) {
            md.append(row.correct() ? " · correct" : " · wrong");
        }
        md.append("\n\n");
        if (row.prompt() != null) {
            md.append("<details><summary>Prompt</summary>\n\n").append(Markdown.fenced(cut(row.prompt()), "text"))
                    .append("\n</details>\n\n");
        }
        md.append(Markdown.fenced(cut(row.completion()), "text")).append("\n");
        return md.toString();
    }

    private static String cut(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS;
        return text.substring(0, end) + "\n… (" + (text.length() - end) + " more characters in "
                + SampleRow.FILE + ")";
    }
}
