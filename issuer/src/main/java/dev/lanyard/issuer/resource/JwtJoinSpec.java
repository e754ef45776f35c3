package dev.lanyard.issuer.resource;

import dev.lanyard.issuer.wire.Json;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The {@code spec.jwt} block of a token resource with {@code join_method: jwt}: the {@code issuer} and
 * {@code audience} the JWT must carry, exactly one key source ({@code jwks_file}: an absolute path on
 * the issuer host; {@code jwks_url}: {@code https://}, or {@code http://} to a loopback address only;
 * {@code jwks}: an inline document), and {@code allow}: at least one rule, each a map of claim to
 * required value, matching when every named claim equals its value (one matching rule is enough).
 *
 * <p>Claim names are checked against {@link #CLAIMS} so that a typo is refused at {@code ctl create}
 * instead of silently matching nothing. {@code service_account: NAMESPACE:NAME} is the Kubernetes
 * shorthand for {@code sub: system:serviceaccount:NAMESPACE:NAME}.
 */
public final class JwtJoinSpec {
    static final Set<String> KEYS = Set.of("issuer", "audience", "jwks_file", "jwks_url", "jwks", "allow");
    public static final String SERVICE_ACCOUNT = "service_account";
    /** The claims an allow rule may name: OIDC, GitHub Actions, GitLab CI, and the Kubernetes shorthand. */
    public static final Set<String> CLAIMS = Set.of("sub", "azp", "email", "email_verified",
            // GitHub Actions
            "repository", "repository_id", "repository_owner", "repository_owner_id", "repository_visibility",
            "ref", "ref_type", "ref_protected", "environment", "workflow", "workflow_ref", "job_workflow_ref",
            "actor", "actor_id", "event_name", "sha", "head_ref", "base_ref", "runner_environment", "enterprise",
            // GitLab CI
            "namespace_path", "namespace_id", "project_path", "project_id", "pipeline_source", "user_login",
            "user_id", "user_email", "environment_protected", "deployment_tier", "ci_config_ref_uri",
            "ci_config_sha", "runner_id",
            // Kubernetes projected service-account tokens
            SERVICE_ACCOUNT);
    private static final Pattern K8S_NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern K8S_SA = Pattern.compile("[a-z0-9]([-.a-z0-9]{0,251}[a-z0-9])?");

    private JwtJoinSpec() {
    }

    /** Checks a stored or sent block and returns its canonical form; failures name {@code source: spec.jwt...}. */
    public static Map<String, Object> canonical(Object raw, String source) {
        return parse(new Fields(source), raw);
    }

    static Map<String, Object> parse(Fields f, Object raw) {
        if (raw == null) {
            throw f.invalid("spec.jwt", "is required for join_method: jwt (issuer, audience, jwks_file|jwks_url|jwks, "
                    + "allow)");
        }
        Map<String, Object> m = f.map(raw, "spec.jwt", KEYS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("issuer", f.string(m, "issuer", "spec.jwt", true));
        out.put("audience", f.string(m, "audience", "spec.jwt", true));
        List<String> given = List.of("jwks_file", "jwks_url", "jwks").stream().filter(k -> m.get(k) != null).toList();
        if (given.size() != 1) {
            throw f.invalid("spec.jwt", "give exactly one of jwks_file, jwks_url or jwks" + (given.isEmpty() ? ""
                    : " (got " + String.join(" and ", given) + ")"));
        }
        switch (given.get(0)) {
            case "jwks_file" -> out.put("jwks_file", file(f, f.string(m, "jwks_file", "spec.jwt", true)));
            case "jwks_url" -> out.put("jwks_url", url(f, f.string(m, "jwks_url", "spec.jwt", true)));
            default -> out.put("jwks", inline(f, m.get("jwks")));
        }
        out.put("allow", allow(f, m.get("allow")));
        return out;
    }

    private static String file(Fields f, String file) {
        try {
            if (!Path.of(file).isAbsolute()) {
                throw f.invalid("spec.jwt.jwks_file", "'" + Fields.shorten(file) + "' must be an absolute path on the "
                        + "issuer host");
            }
        } catch (InvalidPathException e) {
            throw f.invalid("spec.jwt.jwks_file", "'" + Fields.shorten(file) + "' is not a file path");
        }
        return file;
    }

    /** An absolute https URL with a host; plain http only to a loopback address (an IdP on the same host). */
    static String url(Fields f, String url) {
        String p = "spec.jwt.jwks_url";
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw f.invalid(p, "'" + Fields.shorten(url) + "' is not a URL such as https://idp.example.com/jwks.json");
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (u.getHost() == null || !u.isAbsolute() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw f.invalid(p, "'" + Fields.shorten(url) + "' is not a URL such as https://idp.example.com/jwks.json");
        }
        if (u.getRawUserInfo() != null) {
            throw f.invalid(p, "must not carry a user name or password");
        }
        if (scheme.equals("http") && !loopback(u.getHost())) {
            throw f.invalid(p, "must be an https:// URL (plain http:// only to a loopback address such as 127.0.0.1)");
        }
        return url;
    }

    private static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!(h.matches("[0-9.]+") || h.contains(":"))) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(h).isLoopbackAddress();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String inline(Fields f, Object jwks) {
        if (jwks instanceof Map<?, ?> doc) {
            if (!(doc.get("keys") instanceof List<?>)) {
                throw f.invalid("spec.jwt.jwks", "must be a JWKS document with a keys list");
            }
            return Json.writeCompact(doc);
        }
        if (jwks instanceof String s && s.strip().startsWith("{")) {
            return s;
        }
        throw f.invalid("spec.jwt.jwks", "must be a JWKS document with a keys list");
    }

    private static List<Object> allow(Fields f, Object raw) {
        String p = "spec.jwt.allow";
        if (raw == null || raw instanceof List<?> l && l.isEmpty()) {
            throw f.invalid(p, "must list at least one rule, e.g. [{sub: \"repo:org/repo:ref:refs/heads/main\"}]");
        }
        List<Object> rules = f.list(raw, p);
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            String rp = p + "[" + i + "]";
            if (!(rules.get(i) instanceof Map<?, ?> rule) || rule.isEmpty()) {
                throw f.invalid(rp, "must map claim names to required values, e.g. {sub: \"repo:org/repo:ref:"
                        + "refs/heads/main\"}");
            }
            Map<String, Object> claims = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : rule.entrySet()) {
                String claim = String.valueOf(e.getKey());
                if (!CLAIMS.contains(claim)) {
                    throw f.invalid(rp, "unknown claim '" + Fields.shorten(claim) + "'; known claims: "
                            + String.join(", ", new TreeSet<>(CLAIMS)));
                }
                Object v = e.getValue();
                if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    throw f.invalid(rp + "." + claim, "must be a single value");
                }
                String value = f.checkString(String.valueOf(v), rp + "." + claim);
                if (claim.equals(SERVICE_ACCOUNT)) {
                    serviceAccount(f, value, rp + "." + claim);
                }
                claims.put(claim, value);
            }
            out.add(claims);
        }
        return out;
    }

    private static void serviceAccount(Fields f, String value, String path) {
        int colon = value.indexOf(':');
        if (colon < 0 || !K8S_NAME.matcher(value.substring(0, colon)).matches()
                || !K8S_SA.matcher(value.substring(colon + 1)).matches()) {
            throw f.invalid(path, "'" + Fields.shorten(value) + "' is not NAMESPACE:SERVICE_ACCOUNT, e.g. "
                    + "default:my-app");
        }
    }
}
