package dev.lanyard.emulator.store;

import java.time.Instant;

/** An IAM role: its trust policy is the JSON document as given. */
public record Role(String name, String path, String roleId, String assumeRolePolicyDocument, int maxSessionDuration,
                   String description, Instant createDate) {
    /** {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}. */
    public String arn(String account) {
        return "arn:aws:iam::" + account + ":role" + path + name;
    }

    public Role withTrustPolicy(String document) {
        return new Role(name, path, roleId, document, maxSessionDuration, description, createDate);
    }
}
