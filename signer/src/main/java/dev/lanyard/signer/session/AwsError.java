package dev.lanyard.signer.session;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.json.Json;
import java.util.Map;

/**
 * Turns a restJson1 error response into one line that says what to check. The code comes from the
 * {@code X-Amzn-ErrorType} header (before any {@code :}, after any {@code #}), else JSON {@code code} or
 * {@code __type}; the message from {@code message} or {@code Message}. The Lanyard emulator explains
 * its refusals: after {@code " — "} in the message and/or in a {@code lanyardExplanation} (or {@code explanation}, {@code reason},
 * {@code detail}) field; both are read and shown once.
 */
public record AwsError(int status, String code, String message, String explanation) {
    static final String DASH = " — ";

    public static AwsError parse(int status, String errorTypeHeader, String body) {
        Map<String, Object> json = Map.of();
        boolean isJson = false;
        try {
            if (body != null && !body.isBlank()) {
                json = Json.parseObject(body);
                isJson = true;
            }
        } catch (IllegalArgumentException e) {
            json = Map.of();
        }
        String code = errorTypeHeader != null && !errorTypeHeader.isBlank() ? errorTypeHeader
                : firstString(json, "code", "__type", "Code");
        code = code == null ? "HTTP " + status : shortCode(code);
        String message = firstString(json, "message", "Message");
        if (message == null) {
            message = body != null && !body.isBlank() && !isJson ? oneLine(body) : "";
        }
        String explanation = firstString(json, "lanyardExplanation", "explanation", "reason", "detail");
        int dash = message.indexOf(DASH);
        if (dash >= 0) {
            String inline = message.substring(dash + DASH.length()).trim();
            message = message.substring(0, dash).trim();
            if (explanation == null || explanation.isBlank() || inline.contains(explanation)) {
                explanation = inline;
            } else if (!explanation.contains(inline)) {
                explanation = inline + "; " + explanation;
            }
        }
        return new AwsError(status, code, oneLine(message), explanation == null ? null : oneLine(explanation));
    }

    static String shortCode(String raw) {
        String c = raw;
        int colon = c.indexOf(':');
        if (colon >= 0) {
            c = c.substring(0, colon);
        }
        int hash = c.lastIndexOf('#');
        if (hash >= 0) {
            c = c.substring(hash + 1);
        }
        return c.trim();
    }

    public Failure failure() {
        if (status == 403) {
            return Failure.DENIED;
        }
        if (status == 404) {
            return Failure.NOT_FOUND;
        }
        if (status == 429 || status >= 500) {
            return Failure.UNAVAILABLE;
        }
        return Failure.REMOTE_REFUSED;
    }

    /** The one line shown to the user. */
    public String line() {
        StringBuilder sb = new StringBuilder(code);
        if (!message.isEmpty()) {
            sb.append(": ").append(message);
        }
        if (explanation != null && !explanation.isEmpty()) {
            sb.append(DASH).append(explanation);
        }
        return sb.append("; ").append(hint()).toString();
    }

    public LanyardException toException() {
        return new LanyardException(failure(), "CreateSession refused (HTTP " + status + "): " + line());
    }

    String hint() {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("untrusted signing certificate")) {
            return "check that the trust anchor holds the CA that issued the certificate and that --intermediates"
                    + " completes the chain; run lanyard-signer doctor --trust-anchor-bundle CA.pem";
        }
        if (m.contains("invalid signature")) {
            return "check that --private-key matches --certificate, the region and the clock; run lanyard-signer doctor";
        }
        if (m.contains("rolesessionname")) {
            return "enable acceptRoleSessionName on the profile, or drop --role-session-name";
        }
        return switch (failure()) {
            case DENIED -> "check that the role is in the profile, the trust anchor and profile are enabled, and the"
                    + " role's trust policy (principal rolesanywhere.amazonaws.com, aws:SourceArn, aws:PrincipalTag/x509SAN/URI);"
                    + " run lanyard-signer doctor";
            case NOT_FOUND -> "check --trust-anchor-arn, --profile-arn and --role-arn (account, region, id) and the endpoint";
            case UNAVAILABLE -> status == 429
                    ? "CreateSession is limited to 10 requests per second per account; keep the credential cache on"
                    : "the service failed; try again later";
            default -> "check --session-duration (900 to 43200 and within the profile's and role's maximum) and the ARNs";
        };
    }

    private static String firstString(Map<String, Object> json, String... keys) {
        for (String k : keys) {
            if (json.get(k) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return null;
    }

    private static String oneLine(String s) {
        String flat = s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
        return flat.length() > 1000 ? flat.substring(0, 1000) + "…" : flat;
    }
}
