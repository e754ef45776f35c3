package dev.lanyard.emulator.auth;

/** Who signed a SigV4-HMAC request. */
public record Caller(String accessKeyId, String arn, String userId, String account, boolean admin) {
}
