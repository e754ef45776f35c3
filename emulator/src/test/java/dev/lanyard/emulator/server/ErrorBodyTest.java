package dev.lanyard.emulator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.iam.IamActions;
import org.junit.jupiter.api.Test;

/** The documented error framing, with and without --aws-exact-errors. */
class ErrorBodyTest {
    static final AwsError UNTRUSTED = AwsError.accessDenied("Untrusted Signing Certificate", "chain: no certificate issued \"CN=X\"");

    @Test
    void restJsonCarriesTheExplanationTwice() {
        ErrorBody b = ErrorBody.json(UNTRUSTED, false);
        assertEquals(403, b.status());
        assertEquals("AccessDeniedException", b.errorTypeHeader());
        assertEquals("{\"message\":\"Untrusted Signing Certificate — chain: no certificate issued \\\"CN=X\\\"\","
                + "\"lanyardExplanation\":\"chain: no certificate issued \\\"CN=X\\\"\"}", b.body());
    }

    @Test
    void exactErrorsAreAwsOnly() {
        assertEquals("{\"message\":\"Untrusted Signing Certificate\"}", ErrorBody.json(UNTRUSTED, true).body());
        String xml = ErrorBody.xml(new AwsError("NoSuchEntity", 404, "The role with name r cannot be found.", "why"), true,
                IamActions.NAMESPACE).body();
        assertEquals(true, xml.startsWith("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type>"
                + "<Code>NoSuchEntity</Code><Message>The role with name r cannot be found.</Message></Error><RequestId>"), xml);
    }

    @Test
    void queryCarriesTheExplanationInTheMessage() {
        String xml = ErrorBody.xml(new AwsError("SignatureDoesNotMatch", 403, "The request signature ...", "bad secret"), false,
                IamActions.NAMESPACE).body();
        assertEquals(true, xml.contains("<Message>The request signature ... — bad secret</Message>"), xml);
    }
}
