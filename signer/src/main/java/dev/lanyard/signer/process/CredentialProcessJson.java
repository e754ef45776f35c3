package dev.lanyard.signer.process;

import dev.lanyard.signer.json.Json;
import dev.lanyard.signer.session.Credentials;
import java.util.Map;

/**
 * The {@code credential_process} document: {@code {"Version":1,"AccessKeyId":…,"SecretAccessKey":…,
 * "SessionToken":…,"Expiration":…}} in exactly that key order, compact, no trailing newline. The cache
 * stores the same document.
 */
public final class CredentialProcessJson {
    private CredentialProcessJson() {
    }

    public static String render(Credentials c) {
        return "{\"Version\":1,\"AccessKeyId\":" + Json.quote(c.accessKeyId())
                + ",\"SecretAccessKey\":" + Json.quote(c.secretAccessKey())
                + ",\"SessionToken\":" + Json.quote(c.sessionToken())
                + ",\"Expiration\":" + Json.quote(c.expiration()) + "}";
    }

    /** Reads the document back; throws {@link IllegalArgumentException} if it is not one. */
    public static Credentials parse(String text) {
        Map<String, Object> m = Json.parseObject(text);
        if (!(m.get("Version") instanceof Number v) || v.intValue() != 1) {
            throw new IllegalArgumentException("Version is not 1");
        }
        try {
            return new Credentials(str(m, "AccessKeyId"), str(m, "SecretAccessKey"), str(m, "SessionToken"),
                    str(m, "Expiration"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static String str(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String s)) {
            throw new IllegalArgumentException(key + " is missing");
        }
        return s;
    }
}
