package dev.lanyard.issuer.wire;

/** {@code POST /v1/ca/rotate}: CA {@code type} (spiffe), the {@code phase} command, and {@code force} for standby. */
public record RotateRequest(String type, String phase, boolean force) {
}
