package dev.lanyard.issuer.wire;

import java.util.List;

/** {@code GET /v1/bundle}: the SPIFFE CA certificates (current, and next during a rotation) as PEM. */
public record BundleResponse(String cluster, String pem, List<String> caPins) {
}
