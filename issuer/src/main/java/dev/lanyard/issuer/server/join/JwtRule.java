package dev.lanyard.issuer.server.join;

import dev.lanyard.issuer.resource.JwtJoinSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code spec.jwt} block of a token resource with {@code join_method: jwt}, as joining uses it:
 * where the identity provider's keys are ({@code jwks_file}, {@code jwks_url} or an inline {@code jwks}
 * document), the {@code issuer} and {@code audience} the JWT must carry, and the {@code allow} rules
 * (claim name to required value; one matching rule is enough). The checks are
 * {@link JwtJoinSpec}'s, the same {@code ctl create} applies.
 */
record JwtRule(String issuer, String audience, String jwksFile, String jwksUrl, String jwks,
               List<Map<String, String>> allow) {

    JwtRule {
        allow = List.copyOf(allow);
    }

    /** Parses and validates the block; {@code source} prefixes every message (e.g. {@code join rule 'ci'}). */
    static JwtRule parse(Object raw, String source) {
        Map<String, Object> m = JwtJoinSpec.canonical(raw, source);
        List<Map<String, String>> allow = ((List<?>) m.get("allow")).stream().map(r -> {
            Map<String, String> rule = new LinkedHashMap<>();
            ((Map<?, ?>) r).forEach((k, v) -> rule.put(String.valueOf(k), String.valueOf(v)));
            return rule;
        }).toList();
        return new JwtRule((String) m.get("issuer"), (String) m.get("audience"), (String) m.get("jwks_file"),
                (String) m.get("jwks_url"), (String) m.get("jwks"), allow);
    }
}
