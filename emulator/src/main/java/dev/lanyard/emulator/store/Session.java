package dev.lanyard.emulator.store;

import java.time.Instant;

/** Temporary credentials issued by CreateSession, and the identity they stand for. */
public record Session(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                      String assumedRoleArn, String assumedRoleId, String roleArn, String sourceIdentity) {
}
