package dev.lanyard.issuer.server.join;

import dev.lanyard.issuer.server.store.AuditEvent;
import dev.lanyard.issuer.server.store.Store;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The refusal events of joining and renewing (successes are recorded with the issued identity by the
 * issuer's {@code IdentityIssuer}). A token never appears in an event: only the first 16 hex digits
 * of its SHA-256 ({@code token_id}), enough to correlate with {@code ctl get tokens}.
 */
final class JoinAudit {
    static final String BOT_RENEW = "bot.renew";
    static final String BOT_RENEW_FAILED = "bot.renew.failed";

    private final Store store;

    JoinAudit(Store store) {
        this.store = store;
    }

    void joinFailed(Instant now, String bot, String method, String tokenId, String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("join_method", method);
        if (tokenId != null) {
            f.put("token_id", tokenId);
        }
        f.put("reason", reason);
        store.append(AuditEvent.of(now, AuditEvent.BOT_JOIN_FAILED, bot == null ? "anonymous" : "bot:" + bot, null,
                f));
    }

    void renewFailed(Instant now, String bot, String reason) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("reason", reason);
        store.append(AuditEvent.of(now, BOT_RENEW_FAILED, "bot:" + bot, null, f));
    }

    static String tokenId(String token) {
        if (token == null) {
            return null;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
