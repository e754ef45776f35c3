package dev.lanyard.emulator.api;

/** The AWS wire protocol of a request, which decides error codes and framing. */
public enum Protocol {
    /** restJson1 (Roles Anywhere): X-Amzn-ErrorType header and {"message": ...}. */
    REST_JSON,
    /** awsQuery (IAM, STS): XML ErrorResponse. */
    QUERY
}
