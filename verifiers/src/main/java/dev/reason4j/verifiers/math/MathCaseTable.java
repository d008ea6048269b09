package dev.reason4j.verifiers.math;

import dev.reason4j.verifiers.Verdict.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of math cases the verifier is held to, one TSV file per category (source:
 * {@code src/test/resources/math-cases/}, shipped in the jar for {@link MathBench}):
 * {@code expected <TAB> near <TAB> gold <TAB> response}. In the text columns {@code ⏎} is a
 * newline and {@code ⟦n×text⟧} is {@code text} repeated n times (for the huge inputs).
 */
final class MathCaseTable {

    static final List<String> CATEGORIES = List.of(
            "extraction", "latex_normalization", "numbers", "rationals_tolerance", "symbolic", "tuples_sets_intervals",
            "relations", "multiple_choice", "text_answers", "safety_caps", "gold_not_parsing");

    private static final String LOCATION = "/dev/reason4j/verifiers/math/cases/";
    private static final Pattern REPEAT = Pattern.compile("⟦(\\d+)×(.*?)⟧");

    /** One row; {@code nearMiss} marks a non-equivalent near miss, which must never be accepted. */
    record Case(String category, int line, Kind expected, boolean nearMiss, String gold, String response) {
        @Override
        public String toString() {
            String r = response.length() > 60 ? response.substring(0, 50) + "…(" + response.length() + " chars)" : response;
            String g = gold.length() > 40 ? gold.substring(0, 30) + "…" : gold;
            return category + ":" + line + " " + expected + " gold=" + g + " response=" + r.replace("\n", "⏎");
        }
    }

    private MathCaseTable() {
    }

    static List<Case> all() {
        List<Case> out = new ArrayList<>();
        for (String category : CATEGORIES) {
            out.addAll(load(category));
        }
        return out;
    }

    static List<Case> load(String category) {
        String path = LOCATION + category + ".tsv";
        try (InputStream in = MathCaseTable.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the math case table " + path + " is missing from the classpath");
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isEmpty() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] cols = lines[i].split("\t", -1);
                if (cols.length != 4) {
                    throw new IllegalStateException(path + ":" + (i + 1) + " has " + cols.length + " columns, expected 4");
                }
                cases.add(new Case(category, i + 1, Kind.valueOf(cols[0]), cols[1].equals("near"), expand(cols[2]), expand(cols[3])));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String expand(String text) {
        Matcher m = REPEAT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString().replace("⏎", "\n");
    }
}
