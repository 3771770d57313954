package io.wsscan.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A text of a value that is the same in every JVM for equal values: what cache keys hash of the rules,
 * models and policy. {@code toString} is not enough: {@code Map.of}/{@code Set.of} iterate in an order that
 * changes from run to run, and classes without their own {@code toString} print an identity hash. Maps and
 * sets are written sorted, records by their components, other objects by their fields.
 */
final class Canonical {

    private static final int MAX_DEPTH = 32;

    private Canonical() {
    }

    static String of(Object value) {
        StringBuilder sb = new StringBuilder();
        write(value, sb, 0);
        return sb.toString();
    }

    private static void write(Object v, StringBuilder sb, int depth) {
        if (depth > MAX_DEPTH) throw new IllegalStateException("value nested too deeply for a cache key");
        if (v == null) {
            sb.append("null");
        } else if (v instanceof CharSequence || v instanceof Number || v instanceof Boolean || v instanceof Character) {
            String s = v.toString();
            // length first: no two different strings give the same text
            sb.append(v.getClass().getSimpleName()).append(s.length()).append(':').append(s);
        } else if (v instanceof Enum<?> e) {
            sb.append(e.getDeclaringClass().getName()).append('.').append(e.name());
        } else if (v instanceof java.nio.file.Path || v instanceof java.util.regex.Pattern
                || v instanceof com.fasterxml.jackson.databind.JsonNode || v instanceof java.time.Duration) {
            // their own text is complete (a JsonNode keeps the document's key order, which is the file's)
            write(v.getClass().getSimpleName() + ":" + v, sb, depth + 1);
        } else if (v instanceof Map<?, ?> m) {
            List<String> entries = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) entries.add(of(e.getKey()) + "=" + of(e.getValue()));
            sorted("map", entries, sb);
        } else if (v instanceof java.util.Set<?> s) {
            List<String> items = new ArrayList<>();
            for (Object o : s) items.add(of(o));
            sorted("set", items, sb);
        } else if (v instanceof Collection<?> c) {
            sb.append("list").append(c.size()).append('[');
            for (Object o : c) {
                write(o, sb, depth + 1);
                sb.append(',');
            }
            sb.append(']');
        } else if (v.getClass().isRecord()) {
            sb.append(v.getClass().getName()).append('{');
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                sb.append(rc.getName()).append('=');
                try {
                    rc.getAccessor().setAccessible(true);
                    write(rc.getAccessor().invoke(v), sb, depth + 1);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    throw new IllegalStateException("cannot read " + v.getClass().getName() + "." + rc.getName(), e);
                }
                sb.append(';');
            }
            sb.append('}');
        } else {
            sb.append(v.getClass().getName()).append('{');
            for (Class<?> c = v.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) continue;
                    sb.append(f.getName()).append('=');
                    try {
                        f.setAccessible(true);
                        write(f.get(v), sb, depth + 1);
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        throw new IllegalStateException("cannot read " + c.getName() + "." + f.getName(), e);
                    }
                    sb.append(';');
                }
            }
            sb.append('}');
        }
    }

    private static void sorted(String what, List<String> items, StringBuilder sb) {
        items.sort(null);
        sb.append(what).append(items.size()).append('[');
        for (String s : items) sb.append(s.length()).append(':').append(s).append(',');
        sb.append(']');
    }
}
