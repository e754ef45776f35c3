package dev.lanyard.emulator.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One row per rule of trust-policy evaluation: statement, request context, decision and explanation. */
class TrustPolicyDecisionTableTest {
    static final String SVC = "rolesanywhere.amazonaws.com";
    static final String TA = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/11111111-2222-3333-4444-555555555555";
    static final String URI = "spiffe://example.teleport.sh/svc/example-service";

    static String allow(String condition) {
        return statement("Allow", "[\"sts:AssumeRole\",\"sts:TagSession\",\"sts:SetSourceIdentity\"]", condition);
    }

    static String statement(String effect, String action, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Principal\":{\"Service\":\"" + SVC + "\"},\"Action\":" + action
                + (condition == null ? "" : ",\"Condition\":" + condition) + "}";
    }

    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static RequestContext context() {
        return new RequestContext().put("aws:SourceArn", TA).put("aws:SourceAccount", "123456789012")
                .put("sts:SourceIdentity", "CN=example-service").put("aws:PrincipalTag/x509SAN/URI", URI)
                .put("aws:PrincipalTag/x509Subject/CN", "example-service").put("aws:PrincipalTag/x509Subject/OU", "Security/Engineering");
    }

    static Stream<Arguments> rows() {
        return Stream.of(
                // name, policy, action, allowed, explanation fragment
                Arguments.of("no condition allows", policy(allow(null)), "sts:AssumeRole", true, null),
                Arguments.of("StringEquals match", policy(allow("{\"StringEquals\":{\"aws:PrincipalTag/x509SAN/URI\":\"" + URI + "\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("StringEquals mismatch names both values",
                        policy(allow("{\"StringEquals\":{\"aws:PrincipalTag/x509SAN/URI\":\"spiffe://a/x\"}}")), "sts:AssumeRole", false,
                        "trust policy: StringEquals aws:PrincipalTag/x509SAN/URI expected \"spiffe://a/x\", certificate has \"" + URI + "\""),
                Arguments.of("values are ORed", policy(allow("{\"StringEquals\":{\"aws:PrincipalTag/x509SAN/URI\":[\"spiffe://a/x\",\"" + URI + "\"]}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("keys are ANDed", policy(allow("{\"StringEquals\":{\"aws:PrincipalTag/x509SAN/URI\":\"" + URI
                        + "\",\"aws:SourceAccount\":\"999999999999\"}}")), "sts:AssumeRole", false,
                        "StringEquals aws:SourceAccount expected \"999999999999\", request has \"123456789012\""),
                Arguments.of("condition keys are case-insensitive", policy(allow("{\"StringEquals\":{\"AWS:principaltag/X509SAN/uri\":\"" + URI + "\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("StringNotEquals", policy(allow("{\"StringNotEquals\":{\"aws:SourceAccount\":\"123456789012\"}}")),
                        "sts:AssumeRole", false, "expected not \"123456789012\""),
                Arguments.of("StringNotEquals on a missing key holds", policy(allow("{\"StringNotEquals\":{\"aws:PrincipalTag/x509SAN/DNS\":\"x\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("StringEqualsIgnoreCase", policy(allow("{\"StringEqualsIgnoreCase\":{\"aws:PrincipalTag/x509Subject/CN\":\"EXAMPLE-SERVICE\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("StringLike *", policy(allow("{\"StringLike\":{\"aws:PrincipalTag/x509SAN/URI\":\"spiffe://example.teleport.sh/svc/*\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("StringLike ?", policy(allow("{\"StringLike\":{\"aws:PrincipalTag/x509Subject/CN\":\"example-servic?\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("StringLike mismatch", policy(allow("{\"StringLike\":{\"aws:PrincipalTag/x509SAN/URI\":\"spiffe://other/*\"}}")),
                        "sts:AssumeRole", false, "StringLike aws:PrincipalTag/x509SAN/URI expected \"spiffe://other/*\""),
                Arguments.of("StringNotLike", policy(allow("{\"StringNotLike\":{\"aws:PrincipalTag/x509SAN/URI\":\"spiffe://example.teleport.sh/*\"}}")),
                        "sts:AssumeRole", false, "expected not \"spiffe://example.teleport.sh/*\""),
                Arguments.of("ArnEquals", policy(allow("{\"ArnEquals\":{\"aws:SourceArn\":\"" + TA + "\"}}")), "sts:AssumeRole", true, null),
                Arguments.of("ArnEquals other anchor", policy(allow("{\"ArnEquals\":{\"aws:SourceArn\":\"" + TA.replace("1111", "2222") + "\"}}")),
                        "sts:AssumeRole", false, "ArnEquals aws:SourceArn expected"),
                Arguments.of("ArnLike wildcard", policy(allow("{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:rolesanywhere:*:123456789012:trust-anchor/*\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("ArnNotEquals", policy(allow("{\"ArnNotEquals\":{\"aws:SourceArn\":\"" + TA + "\"}}")), "sts:AssumeRole", false,
                        "ArnNotEquals aws:SourceArn expected not"),
                Arguments.of("ArnNotLike", policy(allow("{\"ArnNotLike\":{\"aws:SourceArn\":\"arn:aws:rolesanywhere:*:999999999999:*\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("Null true on absent key", policy(allow("{\"Null\":{\"aws:PrincipalTag/x509SAN/DNS\":\"true\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("Null false on absent key", policy(allow("{\"Null\":{\"aws:PrincipalTag/x509SAN/DNS\":\"false\"}}")),
                        "sts:AssumeRole", false, "Null aws:PrincipalTag/x509SAN/DNS expected the key to be present"),
                Arguments.of("missing key fails StringEquals", policy(allow("{\"StringEquals\":{\"aws:PrincipalTag/x509SAN/DNS\":\"a.example\"}}")),
                        "sts:AssumeRole", false, "certificate has no aws:PrincipalTag/x509SAN/DNS"),
                Arguments.of("IfExists on missing key holds", policy(allow("{\"StringEqualsIfExists\":{\"aws:PrincipalTag/x509SAN/DNS\":\"a.example\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("IfExists on present key still compares", policy(allow("{\"StringEqualsIfExists\":{\"aws:PrincipalTag/x509Subject/CN\":\"x\"}}")),
                        "sts:AssumeRole", false, "StringEqualsIfExists aws:PrincipalTag/x509Subject/CN expected \"x\""),
                Arguments.of("ForAnyValue on missing key fails", policy(allow("{\"ForAnyValue:StringEquals\":{\"aws:PrincipalTag/x509SAN/DNS\":\"a\"}}")),
                        "sts:AssumeRole", false, "ForAnyValue:StringEquals"),
                Arguments.of("ForAnyValue match", policy(allow("{\"ForAnyValue:StringLike\":{\"aws:PrincipalTag/x509Subject/OU\":\"Security*\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("ForAllValues on missing key holds", policy(allow("{\"ForAllValues:StringEquals\":{\"aws:PrincipalTag/x509SAN/DNS\":\"a\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("ForAllValues mismatch", policy(allow("{\"ForAllValues:StringEquals\":{\"aws:PrincipalTag/x509Subject/CN\":\"other\"}}")),
                        "sts:AssumeRole", false, "ForAllValues:StringEquals"),
                Arguments.of("policy variable", policy(allow("{\"StringEquals\":{\"sts:SourceIdentity\":\"CN=${aws:PrincipalTag/x509Subject/CN}\"}}")),
                        "sts:AssumeRole", true, null),
                Arguments.of("action wildcard", policy(statement("Allow", "\"sts:*\"", null)), "sts:SetSourceIdentity", true, null),
                Arguments.of("action not listed", policy(statement("Allow", "\"sts:AssumeRole\"", null)), "sts:TagSession", false,
                        "no Allow statement for principal Service rolesanywhere.amazonaws.com and action sts:TagSession"),
                Arguments.of("NotAction", policy(statement("Allow", "\"x\"", null).replace("\"Action\"", "\"NotAction\"")),
                        "sts:TagSession", true, null),
                Arguments.of("other principal", policy(allow(null).replace(SVC, "ec2.amazonaws.com")), "sts:AssumeRole", false,
                        "no Allow statement"),
                Arguments.of("principal *", policy(allow(null).replace("{\"Service\":\"" + SVC + "\"}", "\"*\"")), "sts:AssumeRole", true, null),
                Arguments.of("explicit Deny wins", policy(allow(null), statement("Deny", "\"sts:AssumeRole\"",
                        "{\"StringLike\":{\"aws:PrincipalTag/x509SAN/URI\":\"spiffe://example.teleport.sh/*\"}}")), "sts:AssumeRole", false,
                        "statement #2 denies sts:AssumeRole"),
                Arguments.of("Deny whose condition fails does not apply", policy(allow(null), statement("Deny", "\"sts:*\"",
                        "{\"StringEquals\":{\"aws:SourceAccount\":\"999999999999\"}}")), "sts:AssumeRole", true, null),
                Arguments.of("one of two Allows suffices", policy(allow("{\"StringEquals\":{\"aws:SourceAccount\":\"1\"}}"), allow(null)),
                        "sts:AssumeRole", true, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(String name, String policy, String action, boolean allowed, String explanation) {
        Optional<String> result = PolicyEvaluator.check(TrustPolicy.parse(policy), SVC, action, context());
        assertEquals(allowed, result.isEmpty(), result.orElse("allowed"));
        if (explanation != null) {
            assertTrue(result.orElseThrow().contains(explanation), result.orElseThrow());
        }
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("{", "not JSON"),
                Arguments.of("[]", "not a JSON object"),
                Arguments.of("{\"Statement\":[{\"Effect\":\"Maybe\",\"Principal\":\"*\",\"Action\":\"*\"}]}", "Effect must be Allow or Deny"),
                Arguments.of("{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\"}}", "needs a Principal"),
                Arguments.of(policy(allow("{\"StringSorta\":{\"a\":\"b\"}}")), "unsupported condition operator \"StringSorta\""));
    }

    @ParameterizedTest(name = "malformed: {1}")
    @MethodSource("malformed")
    void refusesMalformed(String document, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrustPolicy.parse(document));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
