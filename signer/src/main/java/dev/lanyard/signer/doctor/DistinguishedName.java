package dev.lanyard.signer.doctor;

import dev.lanyard.common.x509.Der;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/** The attributes of an X.500 name in certificate order, with the short names Roles Anywhere uses. */
final class DistinguishedName {
    /** One attribute: its short name (CN, O, …; the OID when unknown) and string value. */
    record Attribute(String name, String value) {
    }

    static final Map<String, String> NAMES = Map.of(
            "2.5.4.3", "CN", "2.5.4.10", "O", "2.5.4.11", "OU", "2.5.4.6", "C", "2.5.4.8", "ST",
            "2.5.4.7", "L", "0.9.2342.19200300.100.1.1", "UID", "2.5.4.5", "serialNumber",
            "0.9.2342.19200300.100.1.25", "DC");

    private DistinguishedName() {
    }

    static List<Attribute> attributes(X500Principal principal) {
        List<Attribute> out = new ArrayList<>();
        for (Der.Tlv rdn : Der.read(principal.getEncoded(), 0).children()) {
            for (Der.Tlv atv : rdn.children()) {
                List<Der.Tlv> parts = atv.children();
                String oid = Der.oid(parts.get(0).value());
                out.add(new Attribute(NAMES.getOrDefault(oid, oid), string(parts.get(1))));
            }
        }
        return out;
    }

    static String string(Der.Tlv value) {
        if (value.tag() == 0x1e) {
            return new String(value.value(), StandardCharsets.UTF_16BE);
        }
        if (value.tag() == 0x14) {
            return new String(value.value(), StandardCharsets.ISO_8859_1);
        }
        return new String(value.value(), StandardCharsets.UTF_8);
    }
}
