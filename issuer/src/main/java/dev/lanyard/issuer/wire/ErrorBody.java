package dev.lanyard.issuer.wire;

/** Every error answer: the failure kind (a {@code Failure} name), its exit code and one line. */
public record ErrorBody(String error, int exitCode, String message) {
}
