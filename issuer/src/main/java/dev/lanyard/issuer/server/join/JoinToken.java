package dev.lanyard.issuer.server.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.server.store.Store;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A stored token resource as joining sees it: the bot it is for, its join method ({@code token} or
 * {@code jwt}), its expiry and, for {@code jwt}, the rule in {@code spec.jwt}. Read from the raw stored
 * document so that rules the resource parser does not know yet are still honoured.
 */
record JoinToken(String name, String role, String botName, String joinMethod, Instant expires, JsonNode jwt) {
    static final int MAX_NAME = 256;

    static Optional<JoinToken> find(Store store, String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            return Optional.empty();
        }
        return store.resource(Kind.TOKEN, name).map(json -> decode(name, json));
    }

    private static JoinToken decode(String name, String json) {
        try {
            JsonNode doc = new ObjectMapper().readTree(json);
            JsonNode spec = doc.path("spec");
            String role = spec.path("roles").path(0).asText("");
            Instant expires = null;
            if (doc.path("metadata").hasNonNull("expires")) {
                expires = Instant.parse(doc.path("metadata").path("expires").asText());
            }
            return new JoinToken(name, role, spec.path("bot_name").asText(null),
                    spec.path("join_method").asText("token"), expires, spec.get("jwt"));
        } catch (IOException | DateTimeParseException e) {
            throw new LanyardException(Failure.INTERNAL, "stored token is unreadable");
        }
    }

    boolean expiredAt(Instant now) {
        return expires != null && !now.isBefore(expires);
    }
}
