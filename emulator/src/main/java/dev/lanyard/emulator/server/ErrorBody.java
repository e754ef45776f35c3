package dev.lanyard.emulator.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.Xml;

/**
 * How an {@link AwsError} is put on the wire. restJson1: header {@code X-Amzn-ErrorType: CODE} and
 * {@code {"message": "AWS message — explanation", "lanyardExplanation": "explanation"}}. awsQuery:
 * {@code <ErrorResponse><Error><Type>Sender</Type><Code>CODE</Code><Message>AWS message — explanation</Message>}.
 * With {@code exact} (--aws-exact-errors) only AWS's message is sent.
 */
record ErrorBody(int status, String contentType, String errorTypeHeader, String body) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static ErrorBody json(AwsError e, boolean exact) {
        ObjectNode body = JSON.createObjectNode();
        body.put("message", e.messageFor(exact));
        if (!exact && !e.explanation().isEmpty()) {
            body.put("lanyardExplanation", e.explanation());
        }
        return new ErrorBody(e.status(), "application/json", e.code(), body.toString());
    }

    static ErrorBody xml(AwsError e, boolean exact, String namespace) {
        return new ErrorBody(e.status(), "text/xml", null, Xml.error(namespace, e.code(), e.messageFor(exact)));
    }
}
