package dev.lanyard.emulator.auth;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.emulator.api.RawRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Step 1 of SigV4: the canonical request rebuilt from what was received — method, canonical URI,
 * canonical query, the headers named in SignedHeaders (and only those), SignedHeaders, payload hash.
 */
public record CanonicalRequest(String text) {
    /**
     * @param encodePath true for SigV4-HMAC (non-S3 services encode the received path once more);
     *                   false for SigV4-X509, where the helper signs the path as sent
     */
    public static CanonicalRequest build(RawRequest req, List<String> signedHeaders, boolean encodePath) {
        StringBuilder sb = new StringBuilder();
        sb.append(req.method()).append('\n');
        String path = req.rawPath().isEmpty() ? "/" : req.rawPath();
        sb.append(encodePath ? UriEncoding.encode(path, true) : path).append('\n');
        sb.append(canonicalQuery(req.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            String value = req.header(name).orElseThrow(() -> new MissingSignedHeader(name));
            sb.append(name).append(':').append(value.trim().replaceAll(" {2,}", " ")).append('\n');
        }
        sb.append('\n').append(String.join(";", signedHeaders)).append('\n');
        sb.append(sha256Hex(req.body()));
        return new CanonicalRequest(sb.toString());
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            pairs.add(Map.entry(UriEncoding.encode(UriEncoding.decode(k, false), false),
                    UriEncoding.encode(UriEncoding.decode(v, false), false)));
        }
        pairs.sort(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue(Comparator.naturalOrder())));
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : pairs) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    public String sha256() {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(digest(data));
    }

    static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new LanyardException(Failure.INTERNAL, "SHA-256 is missing from this JDK", e);
        }
    }

    /** A header named in SignedHeaders is not in the request. */
    public static final class MissingSignedHeader extends RuntimeException {
        MissingSignedHeader(String name) {
            super("SignedHeaders lists " + name + " but the request has no " + name + " header", null, false, false);
        }
    }
}
