package dev.lanyard.issuer.server.store;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One append-only audit event. {@code fields} holds the event's details (SANs, serial, TTLs,
 * reason); it never holds a secret.
 */
public record AuditEvent(long sequence, Instant time, String type, String caller, String spiffeId,
                         Map<String, Object> fields) {
    public static final String SVID_ISSUED = "spiffe.svid.issued";
    public static final String SVID_DENIED = "spiffe.svid.denied";
    public static final String LOGIN = "user.login";
    public static final String LOGIN_FAILED = "user.login.failed";
    public static final String PASSWORD_SET = "user.password.set";
    public static final String TOTP_ENROLLED = "user.totp.enrolled";
    public static final String ACCESS_DENIED = "access.denied";
    public static final String CA_ROTATED = "ca.rotated";
    public static final String AUTH_FAILED = "auth.failed";
    public static final String RESOURCE_CREATED = "resource.created";
    public static final String RESOURCE_UPDATED = "resource.updated";
    public static final String RESOURCE_DELETED = "resource.deleted";
    public static final String TOKEN_CREATED = "join_token.created";
    public static final String BOT_JOIN = "bot.join";
    public static final String BOT_JOIN_FAILED = "bot.join.failed";

    public AuditEvent {
        fields = new LinkedHashMap<>(fields);
    }

    public static AuditEvent of(Instant time, String type, String caller, String spiffeId, Map<String, Object> fields) {
        return new AuditEvent(0, time, type, caller, spiffeId, fields);
    }

    /** Time, type, caller, SPIFFE ID and fields as one flat map, as printed by {@code ctl audit --json}. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sequence", sequence);
        m.put("time", time.toString());
        m.put("type", type);
        m.put("caller", caller);
        if (spiffeId != null) {
            m.put("spiffe_id", spiffeId);
        }
        m.putAll(fields);
        return m;
    }
}
