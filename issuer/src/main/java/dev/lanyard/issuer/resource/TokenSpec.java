package dev.lanyard.issuer.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kind: token} specs: {@code roles: [bot]} with {@code bot_name} and {@code join_method}
 * ({@code token}: one use; {@code jwt}: the {@code spec.jwt} rule — issuer, audience, exactly one of
 * {@code jwks_file}/{@code jwks_url}/{@code jwks}, and {@code allow} claim maps), or
 * {@code roles: [user_setup]} with {@code user_name}.
 */
final class TokenSpec {
    static final Set<String> JWT_KEYS = Set.of("issuer", "audience", "jwks_file", "jwks_url", "jwks", "allow");

    private TokenSpec() {
    }

    static Map<String, Object> parse(Fields f, Object raw) {
        Map<String, Object> spec = f.map(raw, "spec", Set.of("roles", "bot_name", "user_name", "join_method", "jwt"));
        List<String> roles = ResourceParser.lower(f.strings(spec, "roles", "spec"));
        ResourceParser.check(f, roles, ResourceParser.TOKEN_ROLES, "spec.roles");
        if (roles.size() != 1) {
            throw f.invalid("spec.roles", "must name exactly one of: bot, user_setup");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("roles", roles);
        String method = f.string(spec, "join_method", "spec", false);
        if (roles.contains("bot")) {
            out.put("bot_name", f.name(f.string(spec, "bot_name", "spec", true), "spec.bot_name"));
            method = method == null ? "token" : method;
            if (!method.equals("token") && !method.equals("jwt")) {
                throw f.invalid("spec.join_method", "unsupported join method '" + Fields.shorten(method)
                        + "'; use token or jwt");
            }
            out.put("join_method", method);
            if (method.equals("jwt")) {
                out.put("jwt", jwt(f, spec.get("jwt")));
            } else if (spec.get("jwt") != null) {
                throw f.invalid("spec.jwt", "only for join_method: jwt");
            }
        } else {
            if (method != null || spec.get("jwt") != null) {
                throw f.invalid("spec", "user_setup tokens take only user_name");
            }
            out.put("user_name", f.name(f.string(spec, "user_name", "spec", true), "spec.user_name"));
        }
        return out;
    }

    private static Map<String, Object> jwt(Fields f, Object raw) {
        if (raw == null) {
            throw f.invalid("spec.jwt", "is required for join_method: jwt (issuer, audience, jwks_file|jwks_url|jwks, "
                    + "allow)");
        }
        Map<String, Object> m = f.map(raw, "spec.jwt", JWT_KEYS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("issuer", f.string(m, "issuer", "spec.jwt", true));
        out.put("audience", f.string(m, "audience", "spec.jwt", true));
        int sources = 0;
        for (String key : List.of("jwks_file", "jwks_url", "jwks")) {
            String v = key.equals("jwks") && m.get(key) != null && !(m.get(key) instanceof String)
                    ? dev.lanyard.issuer.wire.Json.writeCompact(m.get(key)) : f.string(m, key, "spec.jwt", false);
            if (v != null) {
                out.put(key, v);
                sources++;
            }
        }
        if (sources != 1) {
            throw f.invalid("spec.jwt", "give exactly one of jwks_file, jwks_url or jwks");
        }
        List<Object> allow = new ArrayList<>();
        if (m.get("allow") != null) {
            List<Object> rules = f.list(m.get("allow"), "spec.jwt.allow");
            for (int i = 0; i < rules.size(); i++) {
                String p = "spec.jwt.allow[" + i + "]";
                Map<String, Object> rule = f.map(rules.get(i), p, keys(rules.get(i)));
                Map<String, Object> claims = new LinkedHashMap<>();
                rule.forEach((k, v) -> {
                    if (v instanceof Map || v instanceof List || v == null) {
                        throw f.invalid(p + "." + k, "must be a single value");
                    }
                    claims.put(k, f.checkString(String.valueOf(v), p + "." + k));
                });
                allow.add(claims);
            }
        }
        out.put("allow", allow);
        return out;
    }

    private static Set<String> keys(Object raw) {
        Set<String> keys = new java.util.HashSet<>();
        if (raw instanceof Map<?, ?> m) {
            m.keySet().forEach(k -> keys.add(String.valueOf(k)));
        }
        return keys;
    }
}
