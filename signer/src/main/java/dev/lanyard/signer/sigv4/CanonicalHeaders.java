package dev.lanyard.signer.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Step 1d/1e of the canonical request: the headers that are signed. Names lower-cased and sorted;
 * values of a repeated header joined with {@code ,}; each value trimmed of ASCII spaces with runs
 * of spaces collapsed to one; each {@code name:value} followed by {@code \n}. {@link #signedHeaders}
 * is the names joined with {@code ;}.
 */
public record CanonicalHeaders(String text, String signedHeaders) {

    /** A header as it will be sent. */
    public record Header(String name, String value) {
    }

    public static CanonicalHeaders of(List<Header> headers) {
        TreeMap<String, List<String>> byName = new TreeMap<>();
        for (Header h : headers) {
            String name = h.name().toLowerCase(Locale.ROOT);
            List<String> values = byName.get(name);
            if (values == null) {
                values = new ArrayList<>();
                byName.put(name, values);
            }
            values.add(collapseSpaces(h.value()));
        }
        StringBuilder text = new StringBuilder();
        StringBuilder names = new StringBuilder();
        for (Map.Entry<String, List<String>> e : byName.entrySet()) {
            text.append(e.getKey()).append(':').append(String.join(",", e.getValue())).append('\n');
            if (!names.isEmpty()) {
                names.append(';');
            }
            names.append(e.getKey());
        }
        return new CanonicalHeaders(text.toString(), names.toString());
    }

    /** Trims ASCII spaces (0x20 only) and collapses runs of them to one. */
    static String collapseSpaces(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ') {
                space = true;
                continue;
            }
            if (space && !sb.isEmpty()) {
                sb.append(' ');
            }
            space = false;
            sb.append(c);
        }
        return sb.toString();
    }
}
