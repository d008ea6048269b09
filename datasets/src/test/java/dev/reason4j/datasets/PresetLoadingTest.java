package dev.reason4j.datasets;

import dev.reason4j.core.CodeTest;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Prompt;
import dev.reason4j.datasets.formats.DataFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each preset on a small file written in exactly its public schema. */
class PresetLoadingTest {
    @TempDir
    Path dir;

    static final String GSM8K_JSONL = """
            {"question": "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May. How many clips did Natalia sell altogether in April and May?", "answer": "Natalia sold 48/2 = <<48/2=24>>24 clips in May.\\nNatalia sold 48+24 = <<48+24=72>>72 clips altogether in April and May.\\n#### 72"}
            {"question": "A shop sells 12 boxes of 90 pens. How many pens is that?", "answer": "12 * 90 = <<12*90=1080>>1080 pens.\\n#### 1,080"}
            {"question": "It is 3 degrees and drops 8. What is the temperature?", "answer": "3 - 8 = -5\\n#### -5"}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"gsm8k", "auto"})
    void gsm8kJsonlTakesTheNumberAfterHashesWithoutCommas(String preset) throws IOException {
        Path file = write("gsm8k_test.jsonl", GSM8K_JSONL);
        LoadedProblems loaded = FileProblemSource.withPreset(file, preset, BadRowPolicy.FAIL).load();
        List<Problem> problems = loaded.problems();
        assertEquals(3, problems.size());
        assertEquals(List.of("72", "1080", "-5"), problems.stream().map(Problem::answer).toList());
        assertEquals("gsm8k_test-0", problems.get(0).id());
        assertTrue(problems.get(0).prompt().text().startsWith("Natalia sold clips to 48"));
        assertTrue(((String) problems.get(0).metadata().get("solution")).endsWith("#### 72"));
        assertEquals(file + ":2", problems.get(1).metadata().get("location"));
        assertTrue(loaded.skipped().isEmpty());
    }

    @Test
    void mathJsonArrayTakesTheLastBoxedWithNestedBraces() throws IOException {
        Path file = write("math.json", """
                [
                  {"problem": "What is $\\\\frac{2}{4}$ in lowest terms?", "level": "Level 1", "type": "Prealgebra",
                   "solution": "We have $\\\\boxed{2/4}$ at first, which reduces to $\\\\boxed{\\\\frac{1}{2}}$."},
                  {"problem": "Find the set of roots of $x^2=1$.", "level": "Level 2", "type": "Algebra",
                   "solution": "The roots are $\\\\boxed{\\\\{-1, 1\\\\}}$."}
                ]
                """);
        List<Problem> problems = FileProblemSource.withPreset(file, "math", BadRowPolicy.FAIL).load().problems();
        assertEquals(List.of("\\frac{1}{2}", "\\{-1, 1\\}"), problems.stream().map(Problem::answer).toList());
        assertEquals("Level 1", problems.get(0).metadata().get("level"));
        assertEquals("Prealgebra", problems.get(0).metadata().get("type"));
        assertTrue(((String) problems.get(1).metadata().get("solution")).startsWith("The roots are"));
        assertEquals(file + ":2", problems.get(0).metadata().get("location"));
        assertEquals(file + ":4", problems.get(1).metadata().get("location"));
    }

    @Test
    void math500HuggingFaceDataObjectPrefersTheAnswerColumn() throws IOException {
        Path file = write("math500.json", """
                {"data": [
                  {"problem": "Convert the point $(0,3)$ to polar coordinates.", "solution": "... so $\\\\boxed{\\\\left( 3, \\\\frac{\\\\pi}{2} \\\\right)}$",
                   "answer": "\\\\left( 3, \\\\frac{\\\\pi}{2} \\\\right)", "subject": "Precalculus", "level": 2, "unique_id": "test/precalculus/807.json"}
                ], "version": "1.0"}
                """);
        for (String preset : List.of("math", "auto")) {
            Problem problem = FileProblemSource.withPreset(file, preset, BadRowPolicy.FAIL).load().problems().get(0);
            assertEquals("\\left( 3, \\frac{\\pi}{2} \\right)", problem.answer());
            assertEquals("test/precalculus/807.json", problem.id());
            assertEquals(2, ((Number) problem.metadata().get("level")).intValue());
            assertEquals("Precalculus", problem.metadata().get("subject"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"aime", "auto"})
    void aimeCsvWithCapitalisedHeadersAndAMultiLineProblem(String preset) throws IOException {
        Path file = write("aime_2024.csv", """
                ID,Year,Problem,Answer
                2024-I-1,2024,"Every morning Aya goes for a $9$-kilometer-long walk.
                Find the number of minutes the walk takes her, including $t$ minutes.",204
                2024-I-2,2024,"There exist real numbers $x$ and $y$, both greater than 1, such that $xy$ is asked. Find $xy$.",025
                """);
        List<Problem> problems = FileProblemSource.withPreset(file, preset, BadRowPolicy.FAIL).load().problems();
        assertEquals(2, problems.size());
        assertEquals("2024-I-1", problems.get(0).id());
        assertEquals("204", problems.get(0).answer());
        assertEquals("025", problems.get(1).answer());
        assertTrue(problems.get(0).prompt().text().contains("\nFind the number of minutes"));
        assertEquals("2024", problems.get(0).metadata().get("year"));
        assertEquals(file + ":2", problems.get(0).metadata().get("location"));
        assertEquals(file + ":4", problems.get(1).metadata().get("location"));
    }

    @Test
    void aimeCsvWithQuestionColumnAsKaggleStoresIt() throws IOException {
        Path file = write("AIME_Dataset_1983_2024.csv", """
                ID,Year,Problem Number,Question,Answer,Part
                1983-1,1983,1,"Let $x$, $y$ and $z$ all exceed $1$. Find $\\log_z w$.",60,
                """);
        Problem problem = FileProblemSource.withPreset(file, "auto", BadRowPolicy.FAIL).load().problems().get(0);
        assertEquals("60", problem.answer());
        assertEquals("1983-1", problem.id());
        assertEquals("1", problem.metadata().get("problem number"));
    }

    @Test
    void appsStyleCodeJsonlGivesStdioAndCallBasedTests() throws IOException {
        Path file = write("apps_test.jsonl", """
                {"problem_id": 4001, "question": "Read two integers and print their sum.", "solutions": "[\\"print(sum(map(int, input().split())))\\"]", "input_output": "{\\"inputs\\": [\\"1 2\\\\n\\", \\"3 4\\\\n\\"], \\"outputs\\": [\\"3\\\\n\\", \\"7\\\\n\\"]}", "difficulty": "introductory", "url": "https://example.org/p/4001", "starter_code": ""}
                {"problem_id": 4002, "question": "Write add(a, b).", "solutions": "[]", "input_output": "{\\"fn_name\\": \\"add\\", \\"inputs\\": [[1, 2], [10, -3]], \\"outputs\\": [[3], [7]]}", "difficulty": "introductory", "url": "https://example.org/p/4002", "starter_code": "def add(a, b):"}
                {"problem_id": 4003, "question": "Print the lines back.", "solutions": "[]", "input_output": "{\\"inputs\\": [[\\"a\\", \\"b\\"]], \\"outputs\\": [[\\"a\\", \\"b\\"]]}", "difficulty": "interview", "url": "", "starter_code": ""}
                """);
        List<Problem> problems = FileProblemSource.withPreset(file, "auto", BadRowPolicy.FAIL).load().problems();
        assertEquals(3, problems.size());
        Problem stdio = problems.get(0);
        assertEquals("4001", stdio.id());
        assertNull(stdio.answer());
        assertNull(stdio.functionName());
        assertEquals(List.of(CodeTest.stdio("1 2\n", "3\n"), CodeTest.stdio("3 4\n", "7\n")), stdio.tests());
        assertEquals("introductory", stdio.metadata().get("difficulty"));
        assertFalse(stdio.metadata().containsKey("solutions"));
        Problem call = problems.get(1);
        assertEquals("add", call.functionName());
        assertEquals(List.of(CodeTest.call("[1,2]", "[3]"), CodeTest.call("[10,-3]", "[7]")), call.tests());
        assertEquals("def add(a, b):", call.metadata().get("starter_code"));
        assertEquals(List.of(CodeTest.stdio("a\nb", "a\nb")), problems.get(2).tests());
    }

    @Test
    void codeTestsAsAPlainListWithAFunctionNameColumn() throws IOException {
        Path file = write("code.jsonl", """
                {"id": "c1", "question": "Echo the input.", "tests": [{"input": "hi\\n", "output": "hi\\n"}, {"input": "x\\n", "output": "x\\n"}]}
                {"id": "c2", "question": "Double it.", "fn_name": "double", "tests": [{"input": [2], "output": 4}, {"input": 5, "output": 10}]}
                """);
        List<Problem> problems = FileProblemSource.withPreset(file, "code", BadRowPolicy.FAIL).load().problems();
        assertEquals(List.of(CodeTest.stdio("hi\n", "hi\n"), CodeTest.stdio("x\n", "x\n")), problems.get(0).tests());
        assertEquals("double", problems.get(1).functionName());
        assertEquals(List.of(CodeTest.call("[2]", "4"), CodeTest.call("[5]", "10")), problems.get(1).tests());
    }

    @Test
    void promptAnswerWithTextAndChatPrompts() throws IOException {
        Path file = write("pa.jsonl", """
                {"prompt": "What is 2 + 3?", "answer": 5}
                {"prompt": [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "What is 2 * 3?"}], "answer": "6"}
                {"messages": [{"role": "user", "content": "What is 7 - 3?"}], "answer": 4.50}
                """);
        for (String preset : List.of("prompt_answer", "auto")) {
            List<Problem> problems = FileProblemSource.withPreset(file, preset, BadRowPolicy.FAIL).load().problems();
            assertEquals(Prompt.text("What is 2 + 3?"), problems.get(0).prompt());
            assertEquals("5", problems.get(0).answer());
            assertTrue(problems.get(1).prompt().isChat());
            assertEquals("What is 2 * 3?", problems.get(1).prompt().messages().get(1).content());
            assertEquals("user", problems.get(2).prompt().messages().get(0).role());
            assertEquals("4.50", problems.get(2).answer());
        }
    }

    @Test
    void explicitFieldMappingFromConfigReadsTsv() throws IOException {
        Path file = write("custom.tsv", "qid\tquery\tgold\tsource\nq1\tHow many legs has a cat?\t4\tzoo\n");
        FieldMapping mapping = FieldMapping.fromConfig(Map.of("id", "qid", "prompt", List.of("text", "query"), "answer", "gold",
                "metadata", "source"));
        Problem problem = FileProblemSource.of(file, mapping, BadRowPolicy.FAIL).load().problems().get(0);
        assertEquals("q1", problem.id());
        assertEquals("How many legs has a cat?", problem.prompt().text());
        assertEquals("4", problem.answer());
        assertEquals("zoo", problem.metadata().get("source"));
    }

    @Test
    void jsonFileThatIsReallyJsonLinesIsReadAsLines() throws IOException {
        Path file = write("train.json", GSM8K_JSONL);
        assertEquals(3, FileProblemSource.withPreset(file, "gsm8k", BadRowPolicy.FAIL).load().problems().size());
    }

    @Test
    void explicitFormatOverridesTheExtension() throws IOException {
        Path file = write("gsm8k.txt", GSM8K_JSONL);
        FileProblemSource source = FileProblemSource.withPreset(file, "gsm8k", BadRowPolicy.FAIL).withFormat(DataFormat.named("jsonl"));
        assertEquals(3, source.load().problems().size());
        assertEquals(file + " (jsonl, preset gsm8k)", source.describe());
    }

    @Test
    void byteOrderMarkDoesNotHideTheFirstColumn() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.writeString(file, "\uFEFFproblem,answer\nWhat is 1+1?,2\n", StandardCharsets.UTF_8);
        assertEquals("2", FileProblemSource.withPreset(file, "aime", BadRowPolicy.FAIL).load().problems().get(0).answer());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
