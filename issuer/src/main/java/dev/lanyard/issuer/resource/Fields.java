package dev.lanyard.issuer.resource;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Typed reads of a parsed document, each failure naming the source and the field path. */
final class Fields {
    static final int MAX_STRING = 1024;
    static final int MAX_LIST = 256;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,127}");

    private final String source;

    Fields(String source) {
        this.source = source;
    }

    LanyardException invalid(String path, String problem) {
        return new LanyardException(Failure.INVALID_INPUT, source + ": " + path + ": " + problem);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object value, String path, Set<String> allowed) {
        if (!(value instanceof Map<?, ?> m)) {
            throw invalid(path, "must be a mapping");
        }
        for (Object k : m.keySet()) {
            if (!(k instanceof String ks) || !allowed.contains(ks)) {
                throw invalid(path, "unknown field '" + k + "'; allowed: " + String.join(", ", sorted(allowed)));
            }
        }
        return (Map<String, Object>) m;
    }

    Map<String, Object> optionalMap(Map<String, Object> parent, String key, String path, Set<String> allowed) {
        Object v = parent.get(key);
        return v == null ? Map.of() : map(v, path + "." + key, allowed);
    }

    String string(Map<String, Object> parent, String key, String path, boolean required) {
        Object v = parent.get(key);
        String p = path.isEmpty() ? key : path + "." + key;
        if (v == null) {
            if (required) {
                throw invalid(p, "is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw invalid(p, "must be a string");
        }
        return checkString(s, p);
    }

    String checkString(String s, String path) {
        if (s.length() > MAX_STRING) {
            throw invalid(path, "is longer than " + MAX_STRING + " characters");
        }
        if (s.isBlank()) {
            throw invalid(path, "must not be empty");
        }
        return s;
    }

    List<String> strings(Map<String, Object> parent, String key, String path) {
        Object v = parent.get(key);
        String p = path + "." + key;
        if (v == null) {
            return List.of();
        }
        List<Object> raw = list(v, p);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            if (!(raw.get(i) instanceof String s)) {
                throw invalid(p + "[" + i + "]", "must be a string");
            }
            out.add(checkString(s, p + "[" + i + "]"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    List<Object> list(Object v, String path) {
        if (!(v instanceof List<?> l)) {
            throw invalid(path, "must be a list");
        }
        if (l.size() > MAX_LIST) {
            throw invalid(path, "has more than " + MAX_LIST + " entries");
        }
        return (List<Object>) l;
    }

    String name(String value, String path) {
        if (!NAME.matcher(value).matches()) {
            throw invalid(path, "'" + shorten(value) + "' is not a valid name (letters, digits, '.', '_', '@', '-'; "
                    + "at most 128 characters)");
        }
        return value;
    }

    static String shorten(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "..." : s;
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    static boolean validName(String s) {
        return s != null && NAME.matcher(s).matches();
    }
}
