package dev.lanyard.issuer.wire;

/** {@code POST /v1/tokens}: a join token of {@code type} bot for {@code bot}, valid for the TTL. */
public record TokenAddRequest(String type, String bot, Long ttlSeconds) {
}
