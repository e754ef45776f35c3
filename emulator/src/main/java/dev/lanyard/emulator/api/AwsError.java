package dev.lanyard.emulator.api;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;

/**
 * An error AWS would return: its error code (X-Amzn-ErrorType / XML Code), HTTP status and AWS message,
 * plus Lanyard's explanation of the exact rule that failed (shown unless --aws-exact-errors).
 */
public final class AwsError extends LanyardException {
    private final String code;
    private final int status;
    private final String awsMessage;
    private final String explanation;

    public AwsError(String code, int status, String awsMessage, String explanation) {
        super(failureFor(status), explanation == null || explanation.isEmpty() ? awsMessage
                : awsMessage + " — " + explanation);
        this.code = code;
        this.status = status;
        this.awsMessage = awsMessage;
        this.explanation = explanation == null ? "" : explanation;
    }

    public static AwsError validation(String explanation) {
        return new AwsError("ValidationException", 400, "Validation failed", explanation);
    }

    public static AwsError accessDenied(String awsMessage, String explanation) {
        return new AwsError("AccessDeniedException", 403, awsMessage, explanation);
    }

    public static AwsError notFound(String awsMessage, String explanation) {
        return new AwsError("ResourceNotFoundException", 404, awsMessage, explanation);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String awsMessage() {
        return awsMessage;
    }

    public String explanation() {
        return explanation;
    }

    /** The message to send: AWS's, then " — " and the explanation unless {@code exact}. */
    public String messageFor(boolean exact) {
        return exact || explanation.isEmpty() ? awsMessage : awsMessage + " — " + explanation;
    }

    private static Failure failureFor(int status) {
        return switch (status) {
            case 403 -> Failure.DENIED;
            case 404 -> Failure.NOT_FOUND;
            case 409 -> Failure.CONFLICT;
            case 500 -> Failure.INTERNAL;
            default -> Failure.INVALID_INPUT;
        };
    }
}
