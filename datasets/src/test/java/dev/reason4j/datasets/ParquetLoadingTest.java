package dev.reason4j.datasets;

import dev.reason4j.core.CodeTest;
import dev.reason4j.core.Problem;
import dev.reason4j.core.Reason4jException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parquet files written in the test by DuckDB, in the MATH-500 and a code schema, read back through the loader. */
class ParquetLoadingTest {
    @TempDir
    Path dir;

    private Path math500() throws SQLException {
        Path file = dir.resolve("math500-test-00000-of-00001.parquet");
        copy("""
                SELECT * FROM (VALUES
                  ('What is $1+1$?', 'Clearly $\\boxed{2}$.', '2', 'Prealgebra', 1, 'test/prealgebra/1.json'),
                  ('Simplify $\\frac{6}{8}$.', 'We get $\\boxed{\\frac{3}{4}}$.', NULL, 'Prealgebra', 2, 'test/prealgebra/2.json'),
                  ('A problem with no answer.', 'No box here.', NULL, 'Algebra', 3, 'test/algebra/3.json'),
                  ('What is $2^{10}$?', '$\\boxed{1024}$', '1024', 'Algebra', 1, 'test/algebra/4.json')
                ) AS t(problem, solution, answer, subject, level, unique_id)
                """, file);
        return file;
    }

    @Test
    void math500ParquetReadsAnswersAndFallsBackToBoxed() throws SQLException {
        LoadedProblems loaded = FileProblemSource.withPreset(math500(), "auto", BadRowPolicy.SKIP).load();
        List<Problem> problems = loaded.problems();
        assertEquals(3, problems.size());
        assertEquals(List.of("2", "\\frac{3}{4}", "1024"), problems.stream().map(Problem::answer).toList());
        assertEquals(List.of("test/prealgebra/1.json", "test/prealgebra/2.json", "test/algebra/4.json"),
                problems.stream().map(Problem::id).toList());
        assertEquals(2, ((Number) problems.get(1).metadata().get("level")).intValue());
        assertEquals(1, loaded.skipped().size());
        BadRow bad = loaded.skipped().get(0);
        assertEquals(RowLocation.row(dir.resolve("math500-test-00000-of-00001.parquet").toString(), 3), bad.location());
        assertTrue(bad.toString().endsWith(".parquet row 3: no answer column [answer] and no complete \\boxed{...} in column 'solution'"),
                bad.toString());
    }

    @Test
    void badParquetRowFailsWithItsRowNumber() throws SQLException {
        Path file = math500();
        Reason4jException e = assertThrows(Reason4jException.class,
                () -> FileProblemSource.withPreset(file, "math", BadRowPolicy.FAIL).load());
        assertTrue(e.getMessage().contains(file + " row 3:"), e.getMessage());
    }

    @Test
    void nestedListOfStructsBecomesCodeTests() throws SQLException {
        Path file = dir.resolve("code.parquet");
        copy("""
                SELECT 'p1' AS id, 'Add one to n.' AS question,
                       [{'input': '1\n', 'output': '2\n'}, {'input': '41\n', 'output': '42\n'}] AS tests
                """, file);
        Problem problem = FileProblemSource.withPreset(file, "auto", BadRowPolicy.FAIL).load().problems().get(0);
        assertEquals("p1", problem.id());
        assertEquals(List.of(CodeTest.stdio("1\n", "2\n"), CodeTest.stdio("41\n", "42\n")), problem.tests());
    }

    @Test
    void corruptParquetFileIsAClearError() throws Exception {
        Path file = dir.resolve("broken.parquet");
        java.nio.file.Files.writeString(file, "this is not parquet");
        Reason4jException e = assertThrows(Reason4jException.class,
                () -> FileProblemSource.withPreset(file, "math", BadRowPolicy.SKIP).load());
        assertTrue(e.getMessage().startsWith("cannot read Parquet dataset file " + file), e.getMessage());
    }

    private static void copy(String select, Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("COPY (" + select + ") TO '" + file.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        }
    }
}
