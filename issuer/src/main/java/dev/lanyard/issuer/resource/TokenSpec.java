package dev.lanyard.issuer.resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kind: token} specs: {@code roles: [bot]} with {@code bot_name} and {@code join_method}
 * ({@code token}: one use; {@code jwt}: the {@code spec.jwt} rule, checked by {@link JwtJoinSpec}), or
 * {@code roles: [user_setup]} with {@code user_name}.
 */
final class TokenSpec {
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
                out.put("jwt", JwtJoinSpec.parse(f, spec.get("jwt")));
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
}
