package dev.lanyard.issuer.server.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.issuer.wire.Json;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit body writer gives exactly Jackson's compact JSON, escapes and nulls included. */
class AuditJsonTest {
    @Test
    void sameTextAsJackson() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("svid_type", "x509");
        f.put("dns_sans", List.of("a.example.com", "b"));
        f.put("ip_sans", List.of());
        f.put("ttl_requested", "1h");
        f.put("serial_number", "3a:0f:ff");
        f.put("reason", "quote \" backslash \\ newline \n tab \t cr \r bell \u0007 nul \u0000 slash / é ✓");
        f.put("absent", null);
        f.put("count", 42);
        f.put("big", 1L << 40);
        f.put("huge", new BigInteger("123456789012345678901234567890"));
        f.put("capped", true);
        f.put("nested", new LinkedHashMap<>(Map.of("k", List.of(1, 2))));
        f.put("with_null_item", new ArrayList<>(Arrays.asList("x", null)));
        assertEquals(Json.writeCompact(f), AuditJson.write(f));
    }

    @Test
    void otherTypesGoThroughJackson() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("when", Instant.parse("2026-01-01T00:00:00Z").toString());
        f.put("ratio", 0.5);
        assertEquals(Json.writeCompact(f), AuditJson.write(f));
    }
}
