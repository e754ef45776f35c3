package dev.lanyard.emulator.server;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed access to one YAML mapping of the seed file, with errors that name the file and the field. */
final class Fields {
    private final Path file;
    private final String where;
    private final Map<?, ?> map;

    Fields(Path file, String where, Object node) {
        if (!(node instanceof Map<?, ?> m)) {
            throw invalid(file, where + " must be a mapping");
        }
        this.file = file;
        this.where = where;
        this.map = m;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    String string(String key, String fallback) {
        Object v = map.get(key);
        if (v == null) {
            if (fallback == null) {
                throw invalid(file, where + "." + key + " is required");
            }
            return fallback;
        }
        if (v instanceof Map || v instanceof List) {
            throw invalid(file, where + "." + key + " must be a string");
        }
        return String.valueOf(v);
    }

    String optional(String key) {
        return has(key) ? string(key, null) : null;
    }

    boolean bool(String key, boolean fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw invalid(file, where + "." + key + " must be true or false");
        }
        return b;
    }

    int integer(String key, int fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Integer i)) {
            throw invalid(file, where + "." + key + " must be an integer");
        }
        return i;
    }

    List<String> strings(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw invalid(file, where + "." + key + " must be a list");
        }
        List<String> out = new ArrayList<>();
        l.forEach(x -> out.add(String.valueOf(x)));
        return out;
    }

    List<Fields> list(String key) {
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            throw invalid(file, where + "." + key + " must be a list");
        }
        List<Fields> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            out.add(new Fields(file, key + "[" + i + "]", l.get(i)));
        }
        return out;
    }

    /** Inline content (starting with {@code inlineMarker}, or a YAML mapping for JSON) or a file relative to {@code base}. */
    String content(String key, Path base, String inlineMarker) {
        Object v = map.get(key);
        if (v instanceof Map<?, ?> m && inlineMarker.equals("{")) {
            try {
                return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m);
            } catch (IOException e) {
                throw invalid(file, where + "." + key + " cannot be turned into JSON");
            }
        }
        String s = string(key, null);
        if (s.trim().startsWith(inlineMarker)) {
            return s;
        }
        Path p = base.resolve(s);
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, file + ": " + where + "." + key + " names " + p + ", which cannot be read ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static LanyardException invalid(Path file, String message) {
        return new LanyardException(Failure.INVALID_INPUT, file + ": " + message);
    }
}
