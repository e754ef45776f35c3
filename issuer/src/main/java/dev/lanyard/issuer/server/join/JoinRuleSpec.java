package dev.lanyard.issuer.server.join;

import java.util.Map;

/**
 * For the resource parser: checks the {@code spec.jwt} block of a token resource with
 * {@code join_method: jwt} and returns its canonical form (failures are {@code INVALID_INPUT} naming the
 * field path, e.g. {@code spec.jwt.allow: must list at least one rule}).
 */
public final class JoinRuleSpec {
    private JoinRuleSpec() {
    }

    public static Map<String, Object> canonical(Object raw, String path) {
        return JwtRule.parse(raw, path).toMap();
    }
}
