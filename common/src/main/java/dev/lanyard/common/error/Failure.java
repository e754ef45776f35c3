package dev.lanyard.common.error;

/**
 * Every kind of failure Lanyard reports, with its process exit code and HTTP status.
 * The CLIs and the servers map failures to exit codes and statuses here and nowhere else.
 * The exit-code table in README.md is this enum.
 */
public enum Failure {
    /** Command line is wrong: unknown flag, missing required flag, malformed value. */
    USAGE(2, 400),
    /** Input is invalid: a malformed ARN, SPIFFE ID, YAML document, duration. */
    INVALID_INPUT(3, 400),
    /** A file cannot be read or written. */
    FILE(4, 500),
    /** A key or certificate cannot be parsed, is of an unsupported type, or the key does not match. */
    KEY_OR_CERTIFICATE(5, 400),
    /** A certificate is not valid now or does not chain to a trusted anchor. */
    UNTRUSTED(6, 403),
    /** The caller is not allowed to do this (RBAC, trust policy, signature). */
    DENIED(7, 403),
    /** A named resource does not exist. */
    NOT_FOUND(8, 404),
    /** The resource already exists or conflicts with the current state. */
    CONFLICT(9, 409),
    /** A remote service could not be reached or answered with a server error. */
    UNAVAILABLE(10, 503),
    /** A remote service refused the request (its own error, passed on). */
    REMOTE_REFUSED(11, 502),
    /** A FIPS-mode restriction refused the input (key size, algorithm, curve). */
    NOT_APPROVED(12, 400),
    /** A bug: something that should not happen. */
    INTERNAL(70, 500);

    private final int exitCode;
    private final int httpStatus;

    Failure(int exitCode, int httpStatus) {
        this.exitCode = exitCode;
        this.httpStatus = httpStatus;
    }

    public int exitCode() {
        return exitCode;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
