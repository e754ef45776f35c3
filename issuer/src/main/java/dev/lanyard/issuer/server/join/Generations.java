package dev.lanyard.issuer.server.join;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.issuer.server.store.Store;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The generation counter of each bot's identity, in the store's key/value table (key
 * {@code botgen:<sha256(name) prefix>}): the generation number and the serials of the newest identity
 * certificate and the one before it.
 *
 * <p>A renewal is accepted from the newest certificate (normal case) or from the previous one (the
 * bot never received the newest because the response was lost: one missed step is tolerated). Either
 * way the presented certificate becomes "previous" and the new one "newest". Anything older means two
 * holders are renewing the same identity (a copied identity) and is refused and audited.
 */
final class Generations {
    record State(long generation, String serial, String previousSerial, String method) {
        boolean accepts(String presented) {
            return presented.equals(serial) || presented.equals(previousSerial);
        }

        State next(String presented, String newSerial) {
            return new State(generation + 1, newSerial, presented, method);
        }
    }

    private final Store store;
    private final ObjectMapper json = new ObjectMapper();

    Generations(Store store) {
        this.store = store;
    }

    Optional<State> get(String bot) {
        return store.meta(key(bot)).map(this::decode);
    }

    void put(String bot, State s) {
        ObjectNode n = json.createObjectNode();
        n.put("generation", s.generation());
        n.put("serial", s.serial());
        n.put("method", s.method());
        if (s.previousSerial() != null) {
            n.put("previous_serial", s.previousSerial());
        }
        store.putMeta(key(bot), n.toString());
    }

    private State decode(String text) {
        try {
            JsonNode n = json.readTree(text);
            return new State(n.path("generation").asLong(), n.path("serial").asText(),
                    n.hasNonNull("previous_serial") ? n.path("previous_serial").asText() : null,
                    n.path("method").asText("token"));
        } catch (IOException e) {
            return new State(0, "", null, "token");
        }
    }

    static String key(String bot) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bot.getBytes(StandardCharsets.UTF_8));
            return "botgen:" + HexFormat.of().formatHex(d, 0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
