package dev.lanyard.issuer.server.join;

/**
 * {@code POST /v1/bot/join}. {@code method} is {@code token} (then {@code token} is the one-time join
 * token) or {@code jwt} (then {@code token} names the join rule and {@code jwt} is the identity
 * provider's JWT). {@code publicKey} is the PEM of the key the bot generated for its identity; the
 * private key never leaves the bot. {@code botName}, when given, must be the bot the token is for.
 */
public record BotJoinRequest(String method, String token, String jwt, String botName, String publicKey,
                             Long ttlSeconds) {
    @Override
    public String toString() {
        return "BotJoinRequest[method=" + method + ", botName=" + botName + "]";
    }
}
