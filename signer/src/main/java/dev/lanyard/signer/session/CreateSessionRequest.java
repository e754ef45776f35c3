package dev.lanyard.signer.session;

import dev.lanyard.common.aws.ProfileArn;
import dev.lanyard.common.aws.RoleArn;
import dev.lanyard.common.aws.TrustAnchorArn;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CreateSession parameters as the reference helper sends them: the three ARNs in the query, and
 * the compact JSON body {@code {"durationSeconds":N[,"roleSessionName":"…"]}}.
 */
public record CreateSessionRequest(TrustAnchorArn trustAnchor, ProfileArn profile, RoleArn role,
                                   int durationSeconds, String roleSessionName) {
    public static final int MIN_DURATION = 900;
    public static final int MAX_DURATION = 43200;

    public CreateSessionRequest {
        if (durationSeconds < MIN_DURATION || durationSeconds > MAX_DURATION) {
            throw new LanyardException(Failure.INVALID_INPUT, "--session-duration " + durationSeconds
                    + " is out of range: Roles Anywhere accepts 900 to 43200 seconds");
        }
        if (roleSessionName != null && roleSessionName.isEmpty()) {
            roleSessionName = null;
        }
        if (roleSessionName != null && !roleSessionName.matches("[\\w+=,.@-]{2,64}")) {
            throw new LanyardException(Failure.INVALID_INPUT, "--role-session-name \"" + roleSessionName
                    + "\" is invalid: use 2 to 64 characters from letters, digits and _+=,.@-");
        }
        if (!trustAnchor.arn().region().equals(profile.arn().region())) {
            throw new LanyardException(Failure.INVALID_INPUT, "trust anchor and profile regions don't match ("
                    + trustAnchor.arn().region() + " in --trust-anchor-arn, " + profile.arn().region()
                    + " in --profile-arn); use ARNs from the same region");
        }
    }

    public Map<String, List<String>> query() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        q.put("profileArn", List.of(profile.toString()));
        q.put("roleArn", List.of(role.toString()));
        q.put("trustAnchorArn", List.of(trustAnchor.toString()));
        return q;
    }

    public byte[] body() {
        StringBuilder sb = new StringBuilder("{\"durationSeconds\":").append(durationSeconds);
        if (roleSessionName != null) {
            sb.append(",\"roleSessionName\":").append(Json.quote(roleSessionName));
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }
}
