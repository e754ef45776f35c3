package dev.lanyard.signer.sigv4;

import java.math.BigInteger;
import java.util.HexFormat;

/**
 * Step 4: {@code ALG Credential=SERIAL/SCOPE, SignedHeaders=H1;H2, Signature=HEX}, the serial in
 * decimal and the separators exactly {@code ", "}. Where the signature goes (a header) is kept apart
 * from how it is computed ({@link X509RequestSigner}).
 */
public record AuthorizationHeader(SigningAlgorithm algorithm, BigInteger serial, CredentialScope scope,
                                  String signedHeaders, byte[] signature) {

    public String value() {
        return algorithm.headerName() + " Credential=" + serial.toString() + '/' + scope.text()
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + HexFormat.of().formatHex(signature);
    }
}
