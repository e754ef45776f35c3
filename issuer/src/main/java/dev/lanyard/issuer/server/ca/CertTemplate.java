package dev.lanyard.issuer.server.ca;

import java.math.BigInteger;
import java.security.PublicKey;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;

/** Everything a certificate will contain, before it is signed. Built by a template, signed by {@link CertificateSigner}. */
record CertTemplate(X500Name subject, PublicKey publicKey, BigInteger serial, Instant notBefore, Instant notAfter,
                    List<Ext> extensions) {

    record Ext(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
    }
}
