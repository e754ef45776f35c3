package dev.lanyard.signer.sigv4;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Step 1c of the canonical request: the query string. Keys sorted by their encoded bytes, values of a
 * repeated key in the order given, {@code key=value} pairs joined by {@code &}, everything RFC 3986
 * encoded. The same string is sent on the wire, so what is signed is what is sent.
 */
public record CanonicalQuery(String text) {

    /** {@code params}: each key with its values in insertion order. */
    public static CanonicalQuery of(Map<String, List<String>> params) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            List<String> values = new ArrayList<>();
            for (String v : e.getValue()) {
                values.add(Rfc3986.encode(v));
            }
            sorted.put(Rfc3986.encode(e.getKey()), values);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : sorted.entrySet()) {
            for (String v : e.getValue()) {
                if (!sb.isEmpty()) {
                    sb.append('&');
                }
                sb.append(e.getKey()).append('=').append(v);
            }
        }
        return new CanonicalQuery(sb.toString());
    }

    @Override
    public String toString() {
        return text;
    }
}
