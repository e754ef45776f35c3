package dev.lanyard.common.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ArnTest {
    static final String TA = "arn:aws:rolesanywhere:us-east-1:123456789012:trust-anchor/6a7b1c2d-0000-4000-8000-000000000001";
    static final String PROFILE = "arn:aws:rolesanywhere:us-east-1:123456789012:profile/6a7b1c2d-0000-4000-8000-000000000002";
    static final String ROLE = "arn:aws:iam::123456789012:role/team/app/MyRole";

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("trust anchor, aws", TA, "aws", "rolesanywhere", "us-east-1", "trust-anchor",
                        "6a7b1c2d-0000-4000-8000-000000000001"),
                Arguments.of("profile, aws-cn", "arn:aws-cn:rolesanywhere:cn-north-1:123456789012:profile/p1", "aws-cn",
                        "rolesanywhere", "cn-north-1", "profile", "p1"),
                Arguments.of("role with path, aws-us-gov", "arn:aws-us-gov:iam::123456789012:role/a/b/R", "aws-us-gov",
                        "iam", "", "role", "R"),
                Arguments.of("no account (s3 bucket)", "arn:aws:s3:::my-bucket", "aws", "s3", "", "", "my-bucket"),
                Arguments.of("resource with colons", "arn:aws:logs:us-east-1:123456789012:log-group:a:b", "aws", "logs",
                        "us-east-1", "", "log-group:a:b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void parses(String name, String text, String partition, String service, String region, String type,
                String resourceName) {
        Arn arn = Arn.parse(text);
        assertEquals(partition, arn.partition());
        assertEquals(service, arn.service());
        assertEquals(region, arn.region());
        assertEquals(type, arn.resourceType());
        assertEquals(resourceName, arn.resourceName());
        assertEquals(text, arn.toString());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("empty", "", "ARN is empty"),
                Arguments.of("not an ARN", "role/MyRole",
                        "malformed ARN \"role/MyRole\": expected arn:partition:service:region:account:resource"),
                Arguments.of("too few parts", "arn:aws:iam::123456789012",
                        "malformed ARN \"arn:aws:iam::123456789012\": expected arn:partition:service:region:account:resource"),
                Arguments.of("unknown partition", "arn:aws-xx:iam::123456789012:role/R",
                        "malformed ARN \"arn:aws-xx:iam::123456789012:role/R\": unknown partition \"aws-xx\""
                                + " (expected aws, aws-cn or aws-us-gov)"),
                Arguments.of("short account", "arn:aws:iam::12345:role/R",
                        "malformed ARN \"arn:aws:iam::12345:role/R\": account \"12345\" is not 12 digits"),
                Arguments.of("letters in account", "arn:aws:iam::12345678901a:role/R",
                        "malformed ARN \"arn:aws:iam::12345678901a:role/R\": account \"12345678901a\" is not 12 digits"),
                Arguments.of("empty service", "arn:aws::us-east-1:123456789012:x",
                        "malformed ARN \"arn:aws::us-east-1:123456789012:x\": service is empty"),
                Arguments.of("empty resource", "arn:aws:iam::123456789012:",
                        "malformed ARN \"arn:aws:iam::123456789012:\": resource is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String name, String text, String message) {
        LanyardException e = assertThrows(LanyardException.class, () -> Arn.parse(text));
        assertEquals(message, e.getMessage());
        assertEquals(Failure.INVALID_INPUT, e.failure());
    }

    @Test
    void typedArns() {
        TrustAnchorArn ta = TrustAnchorArn.parse(TA);
        assertEquals("6a7b1c2d-0000-4000-8000-000000000001", ta.id());
        assertEquals(new Region("us-east-1", false), ta.region());
        assertEquals(TA, ta.toString());
        ProfileArn profile = ProfileArn.parse(PROFILE);
        assertEquals("6a7b1c2d-0000-4000-8000-000000000002", profile.id());
        assertEquals(PROFILE, profile.toString());
        RoleArn role = RoleArn.parse(ROLE);
        assertEquals("MyRole", role.name());
        assertEquals(ROLE, role.toString());
    }

    static Stream<Arguments> wrongType() {
        return Stream.of(
                Arguments.of("profile given as trust anchor", (Runnable) () -> TrustAnchorArn.parse(PROFILE),
                        "trust anchor ARN \"" + PROFILE + "\" is not a rolesanywhere trust-anchor ARN"
                                + " (arn:aws:rolesanywhere:REGION:ACCOUNT:trust-anchor/…)"),
                Arguments.of("role given as profile", (Runnable) () -> ProfileArn.parse(ROLE),
                        "profile ARN \"" + ROLE + "\" is not a rolesanywhere profile ARN"
                                + " (arn:aws:rolesanywhere:REGION:ACCOUNT:profile/…)"),
                Arguments.of("trust anchor given as role", (Runnable) () -> RoleArn.parse(TA),
                        "role ARN \"" + TA + "\" is not a iam role ARN (arn:aws:iam::ACCOUNT:role/…)"),
                Arguments.of("role without name", (Runnable) () -> RoleArn.parse("arn:aws:iam::123456789012:role/"),
                        "role ARN \"arn:aws:iam::123456789012:role/\" is not a iam role ARN (arn:aws:iam::ACCOUNT:role/…)"),
                Arguments.of("trust anchor without region",
                        (Runnable) () -> TrustAnchorArn.parse("arn:aws:rolesanywhere::123456789012:trust-anchor/x"),
                        "trust anchor ARN \"arn:aws:rolesanywhere::123456789012:trust-anchor/x\" has no region"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongType")
    void typedArnRejectsOtherKinds(String name, Runnable parse, String message) {
        LanyardException e = assertThrows(LanyardException.class, parse::run);
        assertEquals(message, e.getMessage());
        assertEquals(Failure.INVALID_INPUT, e.failure());
    }
}
