package dev.lanyard.issuer.client;

import dev.lanyard.issuer.wire.CaProofRequest;
import dev.lanyard.issuer.wire.CaProofResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * First contact with an issuer whose CA is pinned: one HTTPS request ({@code POST /v1/ca/proof} with a
 * fresh nonce) over a connection that records the server's chain, then {@link CaPinVerifier} decides.
 * Used by {@code lanyard login --ca-pin} and by the bot's first join.
 */
public final class FirstContact {
    private FirstContact() {
    }

    /** Returns the host CA to trust from now on, or fails with UNTRUSTED; {@code hint} ends a mismatch message. */
    public static CaPinVerifier.Trust verify(String server, List<String> pins, SecureRandom random, String hint) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        ClientTls.Capture capture = new ClientTls.Capture();
        CaProofResponse proof = new IssuerClient(server, capture.context(random)).post("/v1/ca/proof",
                new CaProofRequest(nonce), CaProofResponse.class);
        return CaPinVerifier.verify(capture.chain(), pins, nonce, proof, server, hint);
    }
}
