package dev.lanyard.issuer.server.join;

/**
 * {@code POST /v1/bot/renew}, authenticated by the bot's current (or previous) identity over mTLS:
 * the public key for the next identity and the TTL wanted.
 */
public record BotRenewRequest(String publicKey, Long ttlSeconds) {
}
