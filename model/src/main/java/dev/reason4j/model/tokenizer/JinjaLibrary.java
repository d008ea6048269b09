package dev.reason4j.model.tokenizer;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.lib.tag.Tag;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.TagNode;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Predicate;

/**
 * What HF transformers adds to Jinja2 for chat templates, and the Jinja2 built-ins whose Jinjava
 * versions behave differently, registered on a Jinjava context: the globals {@code raise_exception}
 * and {@code strftime_now}; the filters {@code tojson} (Python's {@code json.dumps}), {@code trim},
 * {@code length}, {@code string}, {@code upper}, {@code lower}, {@code title}, {@code capitalize};
 * Python's type tests ({@code is string}, {@code is mapping}, {@code is iterable}, ...); and the
 * {@code {% generation %}} block HF uses to mark assistant tokens (rendered as its body).
 */
final class JinjaLibrary {
    private JinjaLibrary() {
    }

    /** What {@code raise_exception(msg)} throws; {@link ChatTemplate} turns it into a user error. */
    static final class TemplateRaised extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TemplateRaised(String message) {
            super(message);
        }
    }

    static void register(Context context) {
        context.registerFunction(function("raise_exception", "raiseException", Object.class));
        context.registerFunction(function("strftime_now", "strftimeNow", String.class));
        context.registerFunction(function(JinjaRewriter.STR_FUNCTION, "str", Object.class));
        context.registerFilter(new ToJson());
        context.registerFilter(filter("string", (x, a) -> PyValues.str(x)));
        context.registerFilter(filter("trim", (x, a) -> PyStr.strip(PyValues.str(x), a.length > 0 && a[0] != null ? a[0].toString() : null)));
        context.registerFilter(filter("length", (x, a) -> length(x)));
        context.registerFilter(filter("count", (x, a) -> length(x)));
        context.registerFilter(filter("upper", (x, a) -> PythonMethodResolver.stringMethod(PyValues.str(x), "upper", a)));
        context.registerFilter(filter("lower", (x, a) -> PythonMethodResolver.stringMethod(PyValues.str(x), "lower", a)));
        context.registerFilter(filter("title", (x, a) -> PyStr.title(PyValues.str(x))));
        context.registerFilter(filter("capitalize", (x, a) -> PyStr.capitalize(PyValues.str(x))));

        context.registerExpTest(test("string", x -> x instanceof String || x instanceof SafeString));
        context.registerExpTest(test("mapping", x -> x instanceof Map));
        context.registerExpTest(test("iterable", x -> x instanceof Iterable || x instanceof Map || x instanceof String
                || x instanceof SafeString || (x != null && x.getClass().isArray())));
        context.registerExpTest(test("sequence", x -> x instanceof Collection || x instanceof Map
                || x instanceof String || x instanceof SafeString || (x != null && x.getClass().isArray())));
        context.registerExpTest(test("number", x -> x instanceof Number || x instanceof Boolean));
        context.registerExpTest(test("integer", x -> x instanceof Integer || x instanceof Long || x instanceof Short
                || x instanceof Byte || x instanceof BigInteger));
        context.registerExpTest(test("float", x -> x instanceof Double || x instanceof Float || x instanceof BigDecimal));
        context.registerExpTest(test("boolean", x -> x instanceof Boolean));
        context.registerExpTest(test("none", x -> x == null));
        context.registerExpTest(test("true", Boolean.TRUE::equals));
        context.registerExpTest(test("false", Boolean.FALSE::equals));

        context.registerTag(new GenerationTag());
    }

    private static ELFunctionDefinition function(String name, String method, Class<?> parameter) {
        try {
            Method m = JinjaLibrary.class.getDeclaredMethod(method, parameter);
            m.setAccessible(true); // EL reflects on it; this class stays package-private
            return new ELFunctionDefinition("", name, m);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    static String str(Object value) {
        return PyValues.str(value);
    }

    static Object raiseException(Object message) {
        throw new TemplateRaised(PyValues.str(message));
    }

    static String strftimeNow(String format) {
        return PyStrftime.format(ZonedDateTime.now(), format);
    }

    private static int length(Object x) {
        if (x == null) {
            return 0;
        }
        if (x instanceof String || x instanceof SafeString) {
            String s = x.toString();
            return s.codePointCount(0, s.length());
        }
        if (x instanceof Collection<?> c) {
            return c.size();
        }
        if (x instanceof Map<?, ?> m) {
            return m.size();
        }
        if (x.getClass().isArray()) {
            return java.lang.reflect.Array.getLength(x);
        }
        if (x instanceof Iterable<?> it) {
            int n = 0;
            for (Object ignored : it) {
                n++;
            }
            return n;
        }
        throw new IllegalArgumentException("object of type '" + x.getClass().getSimpleName() + "' has no len()");
    }

    /** HF's {@code tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False)}. */
    static final class ToJson implements Filter {
        private static final List<String> PARAMETERS = List.of("ensure_ascii", "indent", "separators", "sort_keys");

        @Override
        public String getName() {
            return "tojson";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object[] values = new Object[PARAMETERS.size()];
            for (int i = 0; i < args.length && i < values.length; i++) {
                values[i] = args[i];
            }
            kwargs.forEach((name, value) -> {
                int at = PARAMETERS.indexOf(name);
                if (at < 0) {
                    throw new IllegalArgumentException("tojson() got an unexpected keyword argument '" + name + "'");
                }
                values[at] = value;
            });
            return new PyJson(Boolean.TRUE.equals(values[0]), values[1], (List<?>) values[2],
                    Boolean.TRUE.equals(values[3])).write(var);
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, (Object[]) args, Map.of());
        }
    }

    private static Filter filter(String name, BiFunction<Object, Object[], Object> body) {
        return new Filter() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
                return body.apply(var, args);
            }

            @Override
            public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
                return body.apply(var, args);
            }
        };
    }

    private static ExpTest test(String name, Predicate<Object> body) {
        return new ExpTest() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
                return body.test(var);
            }
        };
    }

    /** HF's {@code {% generation %}...{% endgeneration %}}: marks assistant tokens; renders its body. */
    static final class GenerationTag implements Tag {
        private static final long serialVersionUID = 1L;

        @Override
        public String getName() {
            return "generation";
        }

        @Override
        public String getEndTagName() {
            return "endgeneration";
        }

        @Override
        public String interpret(TagNode tagNode, JinjavaInterpreter interpreter) {
            StringBuilder out = new StringBuilder();
            for (Node child : tagNode.getChildren()) {
                out.append(child.render(interpreter).getValue());
            }
            return out.toString();
        }
    }
}
