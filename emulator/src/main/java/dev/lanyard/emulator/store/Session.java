package dev.lanyard.emulator.store;

import java.time.Instant;

/** Temporary credentials issued by CreateSession, and the identity they stand for. */
public record Session(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                      String assumedRoleArn, String assumedRoleId, String roleArn, String sourceIdentity) {
    /** Without the secret access key and the session token, so a logged session leaks nothing. */
    @Override
    public String toString() {
        return "Session[" + accessKeyId + ", " + assumedRoleArn + ", expires " + expiration + "]";
    }
}
