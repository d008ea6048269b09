package dev.reason4j.datasets;

import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Malformed rows: each reported with file:line and what is wrong; SKIP counts them, FAIL stops at the first. */
class BadRowTest {
    @TempDir
    Path dir;

    private Path gsm8kWithBadRows() throws IOException {
        return write("bad.jsonl", String.join("\n",
                "{\"question\": \"One plus one?\", \"answer\": \"1+1=2\\n#### 2\"}",
                "{\"question\": \"No hashes?\", \"answer\": \"it is 3\"}",
                "{\"question\": \"Broken line\", \"answer\": ",
                "",
                "[1, 2]",
                "{\"question\": 5, \"answer\": \"#### 5\"}",
                "{\"answer\": \"#### 3\"}",
                "{\"question\": \"Empty answer\", \"answer\": \"   \"}",
                "{\"question\": \"Two plus two?\", \"answer\": \"#### 4\"} trailing",
                "{\"question\": \"Three plus three?\", \"answer\": \"#### 6\"}"));
    }

    @Test
    void skipReportsEveryBadRowWithItsLineAndKeepsTheGoodOnes() throws IOException {
        Path file = gsm8kWithBadRows();
        LoadedProblems loaded = FileProblemSource.withPreset(file, "gsm8k", BadRowPolicy.SKIP).load();
        assertEquals(List.of("2", "6"), loaded.problems().stream().map(Problem::answer).toList());
        assertEquals(List.of("bad-0", "bad-8"), loaded.problems().stream().map(Problem::id).toList());
        List<String> reports = loaded.skipped().stream().map(BadRow::toString).toList();
        String f = file.toString();
        assertEquals(7, reports.size(), reports.toString());
        assertEquals(f + ":2: column 'answer' has no final '#### n' line", reports.get(0));
        assertTrue(reports.get(1).startsWith(f + ":3: not valid JSON: "), reports.get(1));
        assertEquals(f + ":5: expected a JSON object per line, found an array", reports.get(2));
        assertEquals(f + ":6: column 'question' should be the question text, found a number", reports.get(3));
        assertEquals(f + ":7: no prompt: none of the columns [question] has a value", reports.get(4));
        assertEquals(f + ":8: empty answer: none of the columns [answer] has a value", reports.get(5));
        assertTrue(reports.get(6).startsWith(f + ":9: not valid JSON: "), reports.get(6));
    }

    @Test
    void failStopsAtTheFirstBadRowNamingFileAndLine() throws IOException {
        Path file = gsm8kWithBadRows();
        Reason4jException e = assertThrows(Reason4jException.class,
                () -> FileProblemSource.withPreset(file, "gsm8k", BadRowPolicy.FAIL).load());
        assertEquals("bad dataset row at " + file + ":2: column 'answer' has no final '#### n' line"
                + " (fix the row, or set the bad-row policy to skip to leave such rows out)", e.getMessage());
    }

    @Test
    void csvRowsWithTooManyCellsOrAMissingAnswerAreReportedByLine() throws IOException {
        Path file = write("aime.csv", """
                ID,Problem,Answer
                a1,"A multi-line
                problem",204
                a2,too,many,cells
                a3,short
                a4,fine,7
                """);
        LoadedProblems loaded = FileProblemSource.withPreset(file, "aime", BadRowPolicy.SKIP).load();
        assertEquals(List.of("a1", "a4"), loaded.problems().stream().map(Problem::id).toList());
        assertEquals(2, loaded.skipped().size());
        assertEquals(RowLocation.line(file.toString(), 4), loaded.skipped().get(0).location());
        assertTrue(loaded.skipped().get(0).reason().startsWith("more cells than the header has columns"));
        assertEquals(file + ":5: empty answer: none of the columns [answer, solution] has a value", loaded.skipped().get(1).toString());
    }

    @Test
    void csvCellWithAnUnclosedQuoteIsABadRowAtItsLine() throws IOException {
        Path file = write("quotes.csv", "problem,answer\nfine,1\n\"unclosed,5\nswallowed by the quote,3\n");
        LoadedProblems loaded = FileProblemSource.withPreset(file, "aime", BadRowPolicy.SKIP).load();
        assertEquals(List.of("1"), loaded.problems().stream().map(Problem::answer).toList());
        assertEquals(1, loaded.skipped().size());
        assertEquals(RowLocation.line(file.toString(), 3), loaded.skipped().get(0).location());
        assertTrue(loaded.skipped().get(0).reason().startsWith("malformed CSV record: Missing closing quote"),
                loaded.skipped().get(0).reason());
    }

    @Test
    void jsonArrayElementThatIsNotAnObjectIsABadRow() throws IOException {
        Path file = write("rows.json", """
                [
                  {"problem": "P1", "answer": "1"},
                  "just a string",
                  {"problem": "P3", "answer": "3"}
                ]
                """);
        LoadedProblems loaded = FileProblemSource.withPreset(file, "aime", BadRowPolicy.SKIP).load();
        assertEquals(2, loaded.problems().size());
        assertEquals(List.of(new BadRow(RowLocation.line(file.toString(), 3), "expected each array element to be a JSON object, found a string")),
                loaded.skipped());
        assertEquals("rows-2", loaded.problems().get(1).id());
    }

    @Test
    void codeRowsWithMismatchedOrMissingTestsAreBadRows() throws IOException {
        Path file = write("apps.jsonl", String.join("\n",
                "{\"question\": \"Q1\", \"input_output\": \"{\\\"inputs\\\": [\\\"1\\\"], \\\"outputs\\\": []}\"}",
                "{\"question\": \"Q2\", \"input_output\": \"\"}",
                "{\"question\": \"Q3\", \"input_output\": \"{not json\"}",
                "{\"question\": \"Q4\", \"input_output\": \"{\\\"inputs\\\": [\\\"1\\\"], \\\"outputs\\\": [\\\"1\\\"]}\"}"));
        LoadedProblems loaded = FileProblemSource.withPreset(file, "code", BadRowPolicy.SKIP).load();
        assertEquals(1, loaded.problems().size());
        List<String> reasons = loaded.skipped().stream().map(BadRow::reason).toList();
        assertEquals("column 'input_output' has 1 inputs but 0 outputs; they pair up one to one", reasons.get(0));
        assertEquals("no tests: none of the columns [input_output, tests] holds any", reasons.get(1));
        assertTrue(reasons.get(2).startsWith("column 'input_output' holds a string that is not valid JSON"), reasons.get(2));
    }

    @Test
    void malformedJsonDocumentFailsWholeWithItsLine() throws IOException {
        Path file = write("broken.json", "[\n  {\"problem\": \"P1\", \"answer\": \"1\"},\n  {\"problem\": \n]\n");
        Reason4jException e = assertThrows(Reason4jException.class,
                () -> FileProblemSource.withPreset(file, "aime", BadRowPolicy.SKIP).load());
        assertTrue(e.getMessage().startsWith("dataset file " + file + " is not valid JSON at line 4"), e.getMessage());
    }

    @Test
    void missingFileIsAClearError() {
        Path file = dir.resolve("nowhere/gsm8k.jsonl");
        Reason4jException e = assertThrows(Reason4jException.class,
                () -> FileProblemSource.withPreset(file, "gsm8k", BadRowPolicy.SKIP).load());
        assertTrue(e.getMessage().startsWith("dataset file not found: " + file), e.getMessage());
    }

    @Test
    void fileWhoseRowsAreAllBadGivesNoProblemsAndSaysWhy() throws IOException {
        Path file = write("all-bad.jsonl", "{\"question\": \"Q\", \"answer\": \"no hashes\"}\n");
        Reason4jException e = assertThrows(Reason4jException.class,
                () -> FileProblemSource.withPreset(file, "gsm8k", BadRowPolicy.SKIP).load());
        assertTrue(e.getMessage().contains("every row was bad, the first: " + file + ":1:"), e.getMessage());
    }

    @Test
    void unknownPresetUnknownColumnsAndUnknownExtensionAreClearErrors() throws IOException {
        Path file = write("odd.jsonl", "{\"text\": \"Q\", \"label\": 1}\n");
        assertTrue(assertThrows(Reason4jException.class, () -> FileProblemSource.withPreset(file, "gsm9k", BadRowPolicy.SKIP))
                .getMessage().startsWith("unknown dataset preset 'gsm9k': use gsm8k, math, aime, code, prompt_answer or auto"));
        assertTrue(assertThrows(Reason4jException.class, () -> FileProblemSource.withPreset(file, "auto", BadRowPolicy.SKIP).load())
                .getMessage().startsWith("cannot tell the schema of " + file + " from its columns [label, text]"));
        Path xml = write("data.xml", "<rows/>");
        assertTrue(assertThrows(Reason4jException.class, () -> FileProblemSource.withPreset(xml, "auto", BadRowPolicy.SKIP).load())
                .getMessage().startsWith("cannot tell the format of dataset file " + xml));
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }
}
