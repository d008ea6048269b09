package dev.reason4j.model.tokenizer;

import com.hubspot.jinjava.objects.SafeString;
import java.beans.FeatureDescriptor;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * Resolves, ahead of Jinjava's own resolvers, the method calls a chat template makes with Python
 * semantics: {@code str} methods ({@code startswith}, {@code split}, {@code strip('\n')}, ...) and the
 * slices that {@link JinjaRewriter} turned into {@code _r4j_slice(start, stop, step)}. Everything else
 * is left unresolved, for Jinjava.
 */
final class PythonMethodResolver extends ELResolver {
    private static final Set<String> STRING_METHODS = Set.of("startswith", "endswith", "strip", "lstrip", "rstrip",
            "split", "rsplit", "splitlines", "replace", "upper", "lower", "title", "capitalize", "find", "rfind",
            "count", "join", "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "removeprefix",
            "removesuffix");

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (method == null) {
            return null;
        }
        String name = method.toString();
        Object[] args = params == null ? new Object[0] : params;
        if (name.equals(JinjaRewriter.ITEM_METHOD) || name.equals(JinjaRewriter.SLICE_METHOD)) {
            context.setPropertyResolved(true);
            if (base == null) {
                return null; // an undefined value's item is undefined
            }
            return name.equals(JinjaRewriter.SLICE_METHOD) ? slice(base, args) : item(context, base, args[0]);
        }
        if (base == null) {
            return null;
        }
        if ((base instanceof String || base instanceof SafeString) && STRING_METHODS.contains(name)) {
            context.setPropertyResolved(true);
            return stringMethod(base.toString(), name, args);
        }
        return null;
    }

    static Object stringMethod(String s, String name, Object[] a) {
        return switch (name) {
            case "startswith" -> PyStr.hasAffix(range(s, a, 1), a[0], true);
            case "endswith" -> PyStr.hasAffix(range(s, a, 1), a[0], false);
            case "strip" -> PyStr.strip(s, stringOrNull(a, 0));
            case "lstrip" -> PyStr.lstrip(s, stringOrNull(a, 0));
            case "rstrip" -> PyStr.rstrip(s, stringOrNull(a, 0));
            case "split" -> PyStr.split(s, stringOrNull(a, 0), intOr(a, 1, -1));
            case "rsplit" -> PyStr.rsplit(s, stringOrNull(a, 0), intOr(a, 1, -1));
            case "splitlines" -> PyStr.splitLines(s);
            case "replace" -> PyStr.replace(s, String.valueOf(a[0]), String.valueOf(a[1]), intOr(a, 2, -1));
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "title" -> PyStr.title(s);
            case "capitalize" -> PyStr.capitalize(s);
            case "find" -> PyStr.find(s, String.valueOf(a[0]), false);
            case "rfind" -> PyStr.find(s, String.valueOf(a[0]), true);
            case "count" -> PyStr.count(s, String.valueOf(a[0]));
            case "join" -> join(s, a[0]);
            case "isdigit" -> PyStr.all(s, Character::isDigit);
            case "isalpha" -> PyStr.all(s, Character::isLetter);
            case "isalnum" -> PyStr.all(s, Character::isLetterOrDigit);
            case "isspace" -> PyStr.all(s, PyStr::isSpace);
            case "isupper" -> !s.equals(s.toLowerCase(Locale.ROOT)) && s.equals(s.toUpperCase(Locale.ROOT));
            case "islower" -> !s.equals(s.toUpperCase(Locale.ROOT)) && s.equals(s.toLowerCase(Locale.ROOT));
            case "removeprefix" -> s.startsWith(String.valueOf(a[0])) ? s.substring(String.valueOf(a[0]).length()) : s;
            case "removesuffix" -> s.endsWith(String.valueOf(a[0])) && !String.valueOf(a[0]).isEmpty()
                    ? s.substring(0, s.length() - String.valueOf(a[0]).length()) : s;
            default -> throw new IllegalStateException("unhandled str method " + name);
        };
    }

    /**
     * Python's {@code base[key]} as Jinja2 evaluates it: maps by key, lists and strings by (possibly
     * negative) index; a missing key or an index out of range is undefined (null); anything else is
     * an attribute lookup.
     */
    static Object item(ELContext context, Object base, Object key) {
        if (base instanceof Map<?, ?> map) {
            return map.get(key instanceof SafeString ? key.toString() : key);
        }
        boolean isString = base instanceof String || base instanceof SafeString;
        if ((base instanceof List || isString || base.getClass().isArray()) && key instanceof Number n
                && !(key instanceof Double || key instanceof Float)) {
            int i = n.intValue();
            if (isString) {
                int[] codePoints = base.toString().codePoints().toArray();
                int at = i < 0 ? i + codePoints.length : i;
                return at >= 0 && at < codePoints.length ? Character.toString(codePoints[at]) : null;
            }
            int size = base instanceof List<?> list ? list.size() : Array.getLength(base);
            int at = i < 0 ? i + size : i;
            if (at < 0 || at >= size) {
                return null;
            }
            return base instanceof List<?> list ? list.get(at) : Array.get(base, at);
        }
        Object value = context.getELResolver().getValue(context, base, String.valueOf(key));
        context.setPropertyResolved(true);
        return value;
    }

    /** The {@code [start:end]} part of {@code startswith(prefix, start, end)}. */
    private static String range(String s, Object[] a, int from) {
        if (a.length <= from) {
            return s;
        }
        return (String) slice(s, new Object[] {a[from], a.length > from + 1 ? a[from + 1] : null, null});
    }

    private static String join(String separator, Object items) {
        List<String> parts = new ArrayList<>();
        for (Object item : iterate(items)) {
            parts.add(PyValues.str(item));
        }
        return String.join(separator, parts);
    }

    /**
     * Python's {@code base[start:stop:step]} for strings (by code point), lists and arrays.
     *
     * @param args start, stop, step; each null for "omitted"
     */
    static Object slice(Object base, Object[] args) {
        Integer start = args.length > 0 ? index(args[0]) : null;
        Integer stop = args.length > 1 ? index(args[1]) : null;
        int step = args.length > 2 && args[2] != null ? index(args[2]) : 1;
        if (step == 0) {
            throw new IllegalArgumentException("slice step cannot be zero");
        }
        if (base instanceof String || base instanceof SafeString) {
            int[] codePoints = base.toString().codePoints().toArray();
            StringBuilder out = new StringBuilder();
            for (int i : indices(codePoints.length, start, stop, step)) {
                out.appendCodePoint(codePoints[i]);
            }
            return out.toString();
        }
        List<Object> items = new ArrayList<>();
        iterate(base).forEach(items::add);
        List<Object> out = new ArrayList<>();
        for (int i : indices(items.size(), start, stop, step)) {
            out.add(items.get(i));
        }
        return out;
    }

    /** The positions {@code slice(start, stop, step).indices(length)} selects, in order. */
    static List<Integer> indices(int length, Integer start, Integer stop, int step) {
        int lower = step > 0 ? 0 : -1;
        int upper = step > 0 ? length : length - 1;
        int from = start == null ? (step > 0 ? lower : upper) : clamp(start, length, lower, upper);
        int to = stop == null ? (step > 0 ? upper : lower) : clamp(stop, length, lower, upper);
        List<Integer> positions = new ArrayList<>();
        for (int i = from; step > 0 ? i < to : i > to; i += step) {
            positions.add(i);
        }
        return positions;
    }

    private static int clamp(int index, int length, int lower, int upper) {
        if (index < 0) {
            return Math.max(index + length, lower);
        }
        return Math.min(index, upper);
    }

    private static Integer index(Object x) {
        if (x == null) {
            return null;
        }
        if (x instanceof Number n) {
            return n.intValue();
        }
        throw new IllegalArgumentException("slice indices must be integers or None, got " + PyValues.repr(x));
    }

    private static Iterable<?> iterate(Object x) {
        if (x instanceof Collection<?> c) {
            return c;
        }
        if (x instanceof Iterable<?> it) {
            return it;
        }
        if (x != null && x.getClass().isArray()) {
            List<Object> items = new ArrayList<>();
            for (int i = 0; i < Array.getLength(x); i++) {
                items.add(Array.get(x, i));
            }
            return items;
        }
        if (x instanceof String || x instanceof SafeString) {
            List<Object> chars = new ArrayList<>();
            x.toString().codePoints().forEach(cp -> chars.add(Character.toString(cp)));
            return chars;
        }
        throw new IllegalArgumentException("'" + (x == null ? "None" : x.getClass().getSimpleName()) + "' object is not iterable");
    }

    private static String stringOrNull(Object[] a, int i) {
        return a.length > i && a[i] != null ? a[i].toString() : null;
    }

    private static int intOr(Object[] a, int i, int otherwise) {
        return a.length > i && a[i] != null ? ((Number) a[i]).intValue() : otherwise;
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // read-only: Jinjava's resolvers handle assignment
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return null;
    }
}
