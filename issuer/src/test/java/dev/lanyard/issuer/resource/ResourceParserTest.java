package dev.lanyard.issuer.resource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per validation rule of resource documents. */
class ResourceParserTest {
    private static final String HEAD = "kind: role\nversion: v6\nmetadata:\n  name: r\n";

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("empty input", "", "no resource found"),
                Arguments.of("malformed YAML", "kind: [role", "malformed YAML"),
                Arguments.of("not a mapping", "- a\n- b\n", "document: must be a mapping"),
                Arguments.of("unknown top-level field", HEAD + "extra: 1\n", "unknown field 'extra'"),
                Arguments.of("unknown kind", "kind: cluster\nversion: v1\nmetadata: {name: x}\n", "unknown kind"),
                Arguments.of("missing version", "kind: role\nmetadata: {name: x}\n", "version: is required"),
                Arguments.of("wrong version", "kind: role\nversion: v5\nmetadata: {name: x}\n", "version v6"),
                Arguments.of("missing metadata", "kind: role\nversion: v6\n", "metadata: must be a mapping"),
                Arguments.of("bad name", "kind: role\nversion: v6\nmetadata: {name: 'a b'}\n", "not a valid name"),
                Arguments.of("huge name", "kind: role\nversion: v6\nmetadata: {name: " + "a".repeat(2000) + "}\n",
                        "longer than 1024"),
                Arguments.of("unknown spec field", HEAD + "spec: {allows: {}}\n", "unknown field 'allows'"),
                Arguments.of("path without slash", HEAD + "spec: {allow: {spiffe: [{path: svc}]}}\n",
                        "spec.allow.spiffe[0].path"),
                Arguments.of("path with ..", HEAD + "spec: {allow: {spiffe: [{path: /a/../b}]}}\n",
                        "not a SPIFFE path glob"),
                Arguments.of("path with //", HEAD + "spec: {allow: {spiffe: [{path: /a//b}]}}\n",
                        "not a SPIFFE path glob"),
                Arguments.of("rule without path", HEAD + "spec: {allow: {spiffe: [{dns_sans: [a]}]}}\n",
                        "path: is required"),
                Arguments.of("bad DNS glob", HEAD + "spec: {allow: {spiffe: [{path: /a, dns_sans: ['a b']}]}}\n",
                        "dns_sans[0]"),
                Arguments.of("bad CIDR", HEAD + "spec: {deny: {spiffe: [{path: /a, ip_sans: [10.0.0.0/33]}]}}\n",
                        "spec.deny.spiffe[0].ip_sans[0]"),
                Arguments.of("host name as CIDR", HEAD + "spec: {deny: {spiffe: [{path: /a, ip_sans: [example.com]}]}}\n",
                        "not an IP address"),
                Arguments.of("unknown verb", HEAD + "spec: {allow: {rules: [{resources: [role], verbs: [fly]}]}}\n",
                        "'fly' is not one of"),
                Arguments.of("user with bad role name", "kind: user\nversion: v2\nmetadata: {name: u}\n"
                        + "spec: {roles: ['a/b']}\n", "spec.roles[0]"),
                Arguments.of("token for no bot", "kind: token\nversion: v2\nmetadata: {name: t}\n"
                        + "spec: {roles: [bot]}\n", "spec.bot_name: is required"),
                Arguments.of("jwt token without rule", "kind: token\nversion: v2\nmetadata: {name: t}\n"
                        + "spec: {roles: [bot], bot_name: b, join_method: jwt}\n", "spec.jwt: is required"),
                Arguments.of("jwt rule with two key sources", "kind: token\nversion: v2\nmetadata: {name: t}\n"
                        + "spec: {roles: [bot], bot_name: b, join_method: jwt, jwt: {issuer: i, audience: a,"
                        + " jwks_file: f, jwks_url: 'https://x'}}\n", "exactly one of jwks_file"),
                Arguments.of("jwt rule on a token join", "kind: token\nversion: v2\nmetadata: {name: t}\n"
                        + "spec: {roles: [bot], bot_name: b, jwt: {issuer: i}}\n", "only for join_method: jwt"),
                Arguments.of("unknown join method", "kind: token\nversion: v2\nmetadata: {name: t}\n"
                        + "spec: {roles: [bot], bot_name: b, join_method: iam}\n", "unsupported join method"),
                Arguments.of("bad expiry", "kind: token\nversion: v2\nmetadata: {name: t, expires: tomorrow}\n"
                        + "spec: {roles: [bot], bot_name: b}\n", "RFC 3339"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void refused(String name, String yaml, String message) {
        LanyardException e = assertThrows(LanyardException.class, () -> ResourceParser.parseYaml(yaml, "f.yaml"));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertTrue(e.getMessage().startsWith("f.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void jwtJoinTokensKeepTheirRule() {
        Resource t = ResourceParser.parseYaml("kind: token\nversion: v2\nmetadata: {name: github-ci}\nspec:\n"
                + "  roles: [Bot]\n  bot_name: ci\n  join_method: jwt\n  jwt:\n    issuer: https://idp\n"
                + "    audience: lanyard\n    jwks_file: /etc/jwks.json\n"
                + "    allow: [{sub: 'repo:org/repo:ref:refs/heads/main'}]\n", "f.yaml").get(0);
        assertEquals("jwt", t.spec().get("join_method"));
        assertEquals(List.of(java.util.Map.of("sub", "repo:org/repo:ref:refs/heads/main")),
                ((java.util.Map<?, ?>) t.spec().get("jwt")).get("allow"));
        assertEquals(t, ResourceParser.parseYaml(ResourceFormat.YAML.one(t), "printed").get(0));
    }

    @Test
    void canonicalFormRoundTrips() {
        String yaml = "kind: role\nversion: v6\nmetadata:\n  name: my-workload-roles-anywhere\nspec:\n  allow:\n"
                + "    spiffe:\n      - path: /svc/example-service\n---\nkind: user\nversion: v2\n"
                + "metadata: {name: alice}\nspec: {roles: [a, a, b]}\n";
        List<Resource> rs = ResourceParser.parseYaml(yaml, "f.yaml");
        assertEquals(2, rs.size());
        assertEquals(List.of("a", "b"), rs.get(1).roles());
        assertEquals(rs, ResourceParser.parseYaml(ResourceFormat.YAML.many(rs), "printed yaml"));
        for (Resource r : rs) {
            assertEquals(r, ResourceParser.parseYaml(ResourceFormat.JSON.one(r), "printed json").get(0));
        }
    }
}
