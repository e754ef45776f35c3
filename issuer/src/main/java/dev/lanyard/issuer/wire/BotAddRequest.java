package dev.lanyard.issuer.wire;

import java.util.List;

/** {@code POST /v1/bots}: a new bot with roles; the answer carries its first join token. */
public record BotAddRequest(String name, List<String> roles, Long ttlSeconds) {
}
