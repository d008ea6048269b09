package dev.reason4j.verifiers.countdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.reason4j.verifiers.Verdict;
import dev.reason4j.verifiers.Verdict.Kind;
import dev.reason4j.verifiers.countdown.CountdownConfig.NumberUse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Countdown table in {@code src/test/resources/countdown-cases/countdown.tsv}. */
class CountdownVerifierTest {

    private static final Pattern REPEAT = Pattern.compile("⟦(\\d+)×(.*?)⟧");

    record Case(int line, Kind expected, String config, List<Integer> numbers, int target, String response) {
        @Override
        public String toString() {
            String r = response.length() > 70 ? response.substring(0, 60) + "…(" + response.length() + " chars)" : response;
            return "countdown:" + line + " " + expected + " " + config + " " + numbers + " -> " + target + ": " + r.replace("\n", "⏎");
        }
    }

    static List<Case> cases() throws IOException {
        try (InputStream in = CountdownVerifierTest.class.getResourceAsStream("/countdown-cases/countdown.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            List<Case> out = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isEmpty() || lines[i].startsWith("#")) {
                    continue;
                }
                String[] c = lines[i].split("\t", -1);
                List<Integer> numbers = c[2].isEmpty() ? List.of()
                        : Arrays.stream(c[2].split(",")).map(Integer::parseInt).collect(Collectors.toList());
                out.add(new Case(i + 1, Kind.valueOf(c[0]), c[1], numbers, Integer.parseInt(c[3]), expand(c[4])));
            }
            return out;
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

    private static CountdownVerifier verifier(String config) {
        CountdownConfig d = CountdownConfig.defaults();
        if (config.equals("exactly_once")) {
            return new CountdownVerifier(d.withNumberUse(NumberUse.EXACTLY_ONCE));
        }
        if (config.startsWith("ops:")) {
            return new CountdownVerifier(d.withOperators(config.substring(4).chars().mapToObj(ch -> (char) ch).collect(Collectors.toSet())));
        }
        return new CountdownVerifier(d);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Timeout(10) // a hang guard, not a performance assertion
    void verdictKindMatchesTheTable(Case c) {
        Verdict v = verifier(c.config()).verify(c.response(), c.numbers(), c.target());
        assertEquals(c.expected(), v.kind(), () -> c + " -> " + v);
    }

    @Test
    void theTableHasAtLeastThirtyCasesCoveringEveryOutcome() throws IOException {
        List<Case> all = cases();
        assertTrue(all.size() >= 30, "only " + all.size());
        assertEquals(Set.of(Kind.CORRECT, Kind.WRONG_ANSWER, Kind.NO_ANSWER, Kind.LIMIT_EXCEEDED, Kind.NOT_APPLICABLE),
                all.stream().map(Case::expected).collect(Collectors.toSet()));
    }

    @Test
    void reasonsSayWhatWentWrong() {
        CountdownVerifier countdown = new CountdownVerifier();
        assertTrue(countdown.verify("<answer>4*3*2*1*1</answer>", List.of(1, 2, 3, 4), 24).reason().contains("more often"));
        assertTrue(countdown.verify("<answer>4*6</answer>", List.of(1, 2, 3, 4), 24).reason().contains("not among"));
        assertTrue(countdown.verify("<answer>6/(4-4)</answer>", List.of(4, 4, 6), 24).reason().contains("divides by zero"));
        assertTrue(countdown.verify("<answer>1+2+3+4</answer>", List.of(1, 2, 3, 4), 24).reason().contains("evaluates to 10"));
        assertTrue(countdown.verify("<answer>1/2</answer>", List.of(1, 2), 1).reason().contains("1/2"));
    }

    @Test
    void configRefusesOperatorsOutsideTheFourBinaryOnes() {
        assertThrows(IllegalArgumentException.class, () -> CountdownConfig.defaults().withOperators(Set.of('^')));
        assertThrows(IllegalArgumentException.class, () -> CountdownConfig.defaults().withOperators(Set.of()));
    }

    @Test
    void nullInputsGiveVerdicts() {
        CountdownVerifier countdown = new CountdownVerifier();
        assertEquals(Kind.NO_ANSWER, countdown.verify(null, List.of(1), 1).kind());
        assertEquals(Kind.NOT_APPLICABLE, countdown.verify("<answer>1</answer>", null, 1).kind());
    }
}
