package dev.lanyard.signer.sigv4;

import dev.lanyard.common.aws.Region;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Everything SigV4-X509 signs: the request as it will be sent and the certificate material.
 *
 * @param host      exactly the {@code Host} header the HTTP client sends ({@code host[:port]})
 * @param path      the real request path (already normalised, e.g. {@code /sessions})
 * @param leafDer   the leaf certificate (sent base64 as {@code X-Amz-X509})
 * @param chainDer  intermediates, leaf issuer first (sent as {@code X-Amz-X509-Chain} when not empty)
 */
public record RequestToSign(String method, String host, String path, Map<String, List<String>> query,
                            String contentType, byte[] body, BigInteger serial, byte[] leafDer,
                            List<byte[]> chainDer, Region region) {
    public RequestToSign {
        query = Map.copyOf(query);
        chainDer = List.copyOf(chainDer);
    }
}
