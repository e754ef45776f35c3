package dev.lanyard.issuer.server.ca;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

/** Subject names. RFC 5280 limits O, OU and CN to 64 characters, so longer values are cut. */
final class Names {
    static final int MAX = 64;

    private Names() {
    }

    static X500Name of(String organization, String unit, String commonName) {
        X500NameBuilder b = new X500NameBuilder(BCStyle.INSTANCE);
        b.addRDN(BCStyle.O, cut(organization));
        if (unit != null) {
            b.addRDN(BCStyle.OU, cut(unit));
        }
        b.addRDN(BCStyle.CN, cut(commonName));
        return b.build();
    }

    static String cut(String s) {
        return s.length() > MAX ? s.substring(0, MAX) : s;
    }
}
