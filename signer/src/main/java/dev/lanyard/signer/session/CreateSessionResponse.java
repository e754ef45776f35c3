package dev.lanyard.signer.session;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.json.Json;
import java.util.List;
import java.util.Map;

/** Reads a 201 CreateSession body: {@code credentialSet[0].credentials}; unknown keys are ignored. */
final class CreateSessionResponse {
    private CreateSessionResponse() {
    }

    static Credentials parse(String body) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(body);
        } catch (IllegalArgumentException e) {
            throw bad("the CreateSession response is not JSON (" + e.getMessage() + ")");
        }
        if (!(root.get("credentialSet") instanceof List<?> set) || set.isEmpty()) {
            throw bad("unable to obtain temporary security credentials from CreateSession (empty credentialSet)");
        }
        if (!(set.get(0) instanceof Map<?, ?> first) || !(first.get("credentials") instanceof Map<?, ?> c)) {
            throw bad("the CreateSession response has no credentialSet[0].credentials");
        }
        return new Credentials(string(c, "accessKeyId"), string(c, "secretAccessKey"), string(c, "sessionToken"),
                string(c, "expiration"));
    }

    private static String string(Map<?, ?> map, String key) {
        return map.get(key) instanceof String s ? s : null;
    }

    private static LanyardException bad(String message) {
        return new LanyardException(Failure.REMOTE_REFUSED, message);
    }
}
