package dev.lanyard.issuer.server.store;

import dev.lanyard.issuer.wire.Json;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * The stored body of an audit event: the same compact JSON as {@link Json#writeCompact} (null values
 * left out), written directly for the values events hold (strings, integers, booleans, lists and maps
 * of them) and through Jackson for anything else. Every issuance writes one.
 */
final class AuditJson {
    private AuditJson() {
    }

    static String write(Map<String, Object> fields) {
        StringBuilder out = new StringBuilder(384);
        return value(out, fields) ? out.toString() : Json.writeCompact(fields);
    }

    /** Appends {@code v}; false when it holds a type this writer leaves to Jackson. */
    private static boolean value(StringBuilder out, Object v) {
        if (v instanceof String s) {
            string(out, s);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger) {
            out.append(v);
        } else if (v instanceof Map<?, ?> m) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getValue() == null) {
                    continue;
                }
                if (!(e.getKey() instanceof String key)) {
                    return false;
                }
                out.append(first ? "" : ",");
                first = false;
                string(out, key);
                out.append(':');
                if (!value(out, e.getValue())) {
                    return false;
                }
            }
            out.append('}');
        } else if (v instanceof Collection<?> c) {
            out.append('[');
            boolean first = true;
            for (Object item : c) {
                out.append(first ? "" : ",");
                first = false;
                if (item == null) {
                    out.append("null");
                } else if (!value(out, item)) {
                    return false;
                }
            }
            out.append(']');
        } else {
            return false;
        }
        return true;
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
