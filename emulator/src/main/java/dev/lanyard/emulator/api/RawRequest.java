package dev.lanyard.emulator.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as received, for signature verification: method, raw (still percent-encoded) path
 * and query, headers by lower-case name (values in wire order) and the exact body bytes.
 */
public record RawRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
    public RawRequest {
        rawQuery = rawQuery == null ? "" : rawQuery;
        body = body == null ? new byte[0] : body;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((k, v) -> copy.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        headers = copy;
    }

    /** Builds from (name, value) pairs in wire order. */
    public static RawRequest of(String method, String pathAndQuery, List<Map.Entry<String, String>> headerPairs, byte[] body) {
        int q = pathAndQuery.indexOf('?');
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : headerPairs) {
            h.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), x -> new ArrayList<>()).add(e.getValue());
        }
        return new RawRequest(method, q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                q < 0 ? "" : pathAndQuery.substring(q + 1), h, body);
    }

    /** The header's values joined with "," (as SigV4 canonicalises them), if present. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(String.join(",", v));
    }
}
