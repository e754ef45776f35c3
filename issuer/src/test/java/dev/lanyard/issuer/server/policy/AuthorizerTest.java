package dev.lanyard.issuer.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.issuer.resource.Cidr;
import dev.lanyard.issuer.resource.ResourceParser;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The RBAC decision table: one row per rule of the authorizer. */
class AuthorizerTest {
    private static final String EXACT = role("exact", "allow:\n    spiffe:\n      - path: /svc/example-service\n");
    private static final String WILD = role("wild", "allow:\n    spiffe:\n      - path: /svc/*\n"
            + "        dns_sans: ['*.example.com']\n        ip_sans: [10.0.0.0/8, 'fd00::/8']\n");
    private static final String DENY_ADMIN = role("deny-admin", "deny:\n    spiffe:\n      - path: /svc/admin*\n");
    private static final String DENY_DNS = role("deny-dns", "deny:\n    spiffe:\n      - path: /svc/*\n"
            + "        dns_sans: [evil.example.com]\n");
    private static final String DENY_IP = role("deny-ip", "deny:\n    spiffe:\n      - path: /svc/*\n"
            + "        ip_sans: [10.9.0.0/16]\n");
    private static final String EDITOR = role("editor", "allow:\n    rules:\n"
            + "      - resources: [role, user]\n        verbs: [list, read, create, update]\n"
            + "  deny:\n    rules:\n      - resources: [user]\n        verbs: [update]\n");
    private static final String ALL = role("all", "allow:\n    rules:\n      - resources: ['*']\n        verbs: ['*']\n");

    static Stream<Arguments> svid() {
        return Stream.of(
                row("no roles: deny by default", List.of(), "/svc/example-service", "", "", false,
                        "no role is assigned"),
                row("exact path allowed", List.of(EXACT), "/svc/example-service", "", "", true, "role exact"),
                row("other path denied", List.of(EXACT), "/svc/other", "", "", false, "no role allows"),
                row("prefix of an exact path is not a match", List.of(EXACT), "/svc/example", "", "", false,
                        "no role allows"),
                row("longer path than an exact rule", List.of(EXACT), "/svc/example-service/x", "", "", false,
                        "no role allows"),
                row("glob matches one segment", List.of(WILD), "/svc/a", "", "", true, "role wild"),
                row("glob matches across segments", List.of(WILD), "/svc/a/b", "", "", true, "role wild"),
                row("glob does not match another prefix", List.of(WILD), "/other/a", "", "", false, "no role"),
                row("DNS SAN allowed by glob", List.of(WILD), "/svc/a", "api.example.com", "", true, "wild"),
                row("DNS SAN is case-insensitive", List.of(WILD), "/svc/a", "API.Example.COM", "", true, "wild"),
                row("DNS SAN outside glob", List.of(WILD), "/svc/a", "api.example.org", "", false,
                        "DNS SANs api.example.org"),
                row("every DNS SAN must match", List.of(WILD), "/svc/a", "a.example.com,b.example.org", "", false,
                        "no role"),
                row("rule without dns_sans refuses DNS SANs", List.of(EXACT), "/svc/example-service",
                        "a.example.com", "", false, "no role"),
                row("IP SAN inside CIDR", List.of(WILD), "/svc/a", "", "10.1.2.3", true, "wild"),
                row("IPv6 SAN inside CIDR", List.of(WILD), "/svc/a", "", "fd00::1", true, "wild"),
                row("IP SAN outside CIDR", List.of(WILD), "/svc/a", "", "192.168.0.1", false, "IP SANs 192.168.0.1"),
                row("rule without ip_sans refuses IP SANs", List.of(EXACT), "/svc/example-service", "", "10.0.0.1",
                        false, "no role"),
                row("deny path wins over allow", List.of(WILD, DENY_ADMIN), "/svc/admin-api", "", "", false,
                        "denied by role deny-admin"),
                row("deny order does not matter", List.of(DENY_ADMIN, WILD), "/svc/admin", "", "", false,
                        "denied by role deny-admin"),
                row("deny path not matching leaves allow", List.of(WILD, DENY_ADMIN), "/svc/api", "", "", true,
                        "wild"),
                row("deny with dns_sans hits a matching SAN", List.of(WILD, DENY_DNS), "/svc/a",
                        "ok.example.com,evil.example.com", "", false, "denied by role deny-dns"),
                row("deny with dns_sans ignores requests without that SAN", List.of(WILD, DENY_DNS), "/svc/a",
                        "ok.example.com", "", true, "wild"),
                row("deny with ip_sans hits a matching IP", List.of(WILD, DENY_IP), "/svc/a", "", "10.9.1.1", false,
                        "denied by role deny-ip"),
                row("deny with ip_sans ignores other IPs", List.of(WILD, DENY_IP), "/svc/a", "", "10.8.1.1", true,
                        "wild"),
                row("only deny rules: still denied by default", List.of(DENY_ADMIN), "/svc/api", "", "", false,
                        "no role allows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void svid(String name, List<String> roles, String path, String dns, String ips, boolean allowed, String reason) {
        Decision d = new Authorizer().svid(roles.stream().map(AuthorizerTest::parse).toList(),
                new SvidAsk(path, split(dns), split(ips).stream().map(Cidr::literal).toList()));
        assertEquals(allowed, d.allowed(), d.reason());
        assertTrue(d.reason().contains(reason), d.reason());
    }

    static Stream<Arguments> resource() {
        return Stream.of(
                Arguments.of("admin may do anything", true, List.of(), "token", "delete", true),
                Arguments.of("no roles: denied", false, List.of(), "role", "list", false),
                Arguments.of("SPIFFE rules grant no resource access", false, List.of(WILD), "role", "read", false),
                Arguments.of("editor may create roles", false, List.of(EDITOR), "role", "create", true),
                Arguments.of("editor may not delete roles", false, List.of(EDITOR), "role", "delete", false),
                Arguments.of("editor may not read tokens", false, List.of(EDITOR), "token", "read", false),
                Arguments.of("deny rule wins for user update", false, List.of(EDITOR), "user", "update", false),
                Arguments.of("deny rule wins over wildcard allow", false, List.of(ALL, EDITOR), "user", "update",
                        false),
                Arguments.of("wildcard allows audit listing", false, List.of(ALL), "audit", "list", true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void resource(String name, boolean admin, List<String> roles, String resource, String verb, boolean allowed) {
        Decision d = new Authorizer().resource(admin, roles.stream().map(AuthorizerTest::parse).toList(), resource,
                verb);
        assertEquals(allowed, d.allowed(), d.reason());
    }

    private static Arguments row(String name, List<String> roles, String path, String dns, String ips,
                                 boolean allowed, String reason) {
        return Arguments.of(name, roles, path, dns, ips, allowed, reason);
    }

    private static List<String> split(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }

    private static String role(String name, String spec) {
        return "kind: role\nversion: v6\nmetadata:\n  name: " + name + "\nspec:\n  " + spec;
    }

    private static Role parse(String yaml) {
        return Role.from(ResourceParser.parseYaml(yaml, "test role").get(0));
    }
}
