package dev.lanyard.emulator.auth;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code Authorization} header:
 * {@code ALG Credential=ID/SCOPE, SignedHeaders=h1;h2, Signature=hex}. ID is an access key id (HMAC)
 * or a decimal certificate serial (X509).
 */
public record SigV4Authorization(String algorithm, String credential, CredentialScope scope,
                                 List<String> signedHeaders, String signature) {
    private static final Pattern FORM = Pattern.compile(
            "(\\S+) Credential=([^/,\\s]+)/([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)");

    public static SigV4Authorization parse(String header) {
        Matcher m = FORM.matcher(header.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("Authorization header is not \"ALGORITHM Credential=ID/DATE/REGION/SERVICE/aws4_request, "
                    + "SignedHeaders=h1;h2, Signature=HEX\"");
        }
        return new SigV4Authorization(m.group(1), m.group(2), CredentialScope.parse(m.group(3)),
                Arrays.asList(m.group(4).split(";")), m.group(5).toLowerCase());
    }

    /** The credential scope service, or "" when the header does not parse (used to route errors). */
    public static String serviceOf(String header) {
        try {
            return header == null ? "" : parse(header).scope().service();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
