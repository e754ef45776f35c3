package dev.lanyard.issuer.wire;

/**
 * {@code GET /v1/status} and {@code /v1/ping}: cluster, version, SPIFFE CA pin (the current CA),
 * host CA pin, the current CA's expiry, the rotation phase ({@code standby}, {@code init},
 * {@code update}) and, during a rotation, the next CA's pin; {@code fips}: whether the issuer runs in
 * FIPS mode (BC-FIPS approved-only, BCFKS key stores).
 */
public record StatusResponse(String cluster, String version, String caPin, String hostCaPin, String caNotAfter,
                             String rotationPhase, String nextCaPin, boolean fips) {
}
