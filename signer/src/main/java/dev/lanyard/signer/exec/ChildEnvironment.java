package dev.lanyard.signer.exec;

import dev.lanyard.signer.session.Credentials;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The child's environment: the parent's, minus any credential variables that would take precedence
 * over (or confuse) the ones set here, plus either the container endpoint or static credentials.
 */
final class ChildEnvironment {
    static final List<String> CLEARED = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_SECURITY_TOKEN", "AWS_CREDENTIAL_EXPIRATION", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");

    private ChildEnvironment() {
    }

    static Map<String, String> container(Map<String, String> parent, String fullUri, String token) {
        Map<String, String> env = base(parent);
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fullUri);
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", token);
        return env;
    }

    static Map<String, String> staticCredentials(Map<String, String> parent, Credentials c) {
        Map<String, String> env = base(parent);
        env.put("AWS_ACCESS_KEY_ID", c.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", c.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", c.sessionToken());
        env.put("AWS_CREDENTIAL_EXPIRATION", c.expiration());
        return env;
    }

    private static Map<String, String> base(Map<String, String> parent) {
        Map<String, String> env = new HashMap<>(parent);
        CLEARED.forEach(env::remove);
        return env;
    }
}
