package dev.lanyard.signer.sigv4;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * SigV4-X509, numbered as the AWS documentation numbers it. Pure: the time comes from the injected
 * clock and the asymmetric signature from the injected {@link RawSigner}, so the class itself touches
 * no key and no crypto provider.
 */
public final class X509RequestSigner {
    /** Computes the signature over the string-to-sign bytes (hashing happens inside). */
    @FunctionalInterface
    public interface RawSigner {
        byte[] sign(byte[] data);
    }

    private final Clock clock;

    public X509RequestSigner(Clock clock) {
        this.clock = clock;
    }

    public SignedRequest sign(RequestToSign request, SigningAlgorithm algorithm, RawSigner signer) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        String amzDate = CredentialScope.amzDate(now);

        // 1. the canonical request, over exactly the headers sent
        List<CanonicalHeaders.Header> headers = new ArrayList<>();
        headers.add(new CanonicalHeaders.Header("Content-Type", request.contentType()));
        headers.add(new CanonicalHeaders.Header("X-Amz-Date", amzDate));
        headers.add(new CanonicalHeaders.Header("X-Amz-X509", Base64.getEncoder().encodeToString(request.leafDer())));
        if (!request.chainDer().isEmpty()) {
            headers.add(new CanonicalHeaders.Header("X-Amz-X509-Chain", chain(request.chainDer())));
        }
        List<CanonicalHeaders.Header> signed = new ArrayList<>(headers);
        signed.add(new CanonicalHeaders.Header("Host", request.host()));
        CanonicalHeaders canonicalHeaders = CanonicalHeaders.of(signed);
        CanonicalRequest canonical = CanonicalRequest.of(request.method(), request.path(),
                CanonicalQuery.of(request.query()), canonicalHeaders, request.body());

        // 2. the string to sign
        CredentialScope scope = CredentialScope.of(now, request.region());
        StringToSign toSign = StringToSign.of(algorithm, amzDate, scope, canonical);

        // 3. the signature
        byte[] signature = signer.sign(toSign.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // 4. the Authorization header
        AuthorizationHeader authorization = new AuthorizationHeader(algorithm, request.serial(), scope,
                canonicalHeaders.signedHeaders(), signature);
        headers.add(new CanonicalHeaders.Header("Authorization", authorization.value()));
        return new SignedRequest(amzDate, canonical, toSign, authorization, List.copyOf(headers));
    }

    static String chain(List<byte[]> ders) {
        StringBuilder sb = new StringBuilder();
        for (byte[] der : ders) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(Base64.getEncoder().encodeToString(der));
        }
        return sb.toString();
    }
}
