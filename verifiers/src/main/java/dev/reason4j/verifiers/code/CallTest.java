package dev.reason4j.verifiers.code;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A call-based test: the function is called with {@code args} and its result, encoded as JSON,
 * is compared with {@code expected} as JSON (see {@link JsonComparator}).
 *
 * @param args     JSON values (String, Number, Boolean, null, List, Map); Jackson encodes them
 * @param expected a JSON value; {@code null} means the function must return None
 */
public record CallTest(List<Object> args, Object expected) {
    public CallTest {
        Objects.requireNonNull(args, "CallTest.args (use List.of() for no arguments)");
        args = Collections.unmodifiableList(new ArrayList<>(args)); // JSON null allowed, so no List.copyOf
    }
}
