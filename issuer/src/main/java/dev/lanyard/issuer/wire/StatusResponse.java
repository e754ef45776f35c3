package dev.lanyard.issuer.wire;

/** {@code GET /v1/status} and {@code /v1/ping}: cluster, version, SPIFFE CA pin, host CA pin. */
public record StatusResponse(String cluster, String version, String caPin, String hostCaPin, String caNotAfter) {
}
