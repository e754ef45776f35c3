package dev.lanyard.signer.serve;

import dev.lanyard.signer.json.Json;
import dev.lanyard.signer.session.Credentials;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** The JSON the AWS SDKs expect from IMDS and from a container credentials endpoint. */
final class CredentialDocuments {
    private CredentialDocuments() {
    }

    /** IMDS: the reference helper's key order, with a trailing newline (Go's json.Encoder). */
    static String imds(Credentials c, Instant lastUpdated) {
        return "{\"AccessKeyId\":" + Json.quote(c.accessKeyId())
                + ",\"SecretAccessKey\":" + Json.quote(c.secretAccessKey())
                + ",\"Token\":" + Json.quote(c.sessionToken())
                + ",\"Code\":\"Success\",\"Type\":\"AWS-HMAC\""
                + ",\"Expiration\":" + Json.quote(c.expiration())
                + ",\"LastUpdated\":" + Json.quote(DateTimeFormatter.ISO_INSTANT.format(lastUpdated)) + "}\n";
    }

    /** Container endpoint (ECS): AccessKeyId, SecretAccessKey, Token, Expiration. */
    static String container(Credentials c) {
        return "{\"AccessKeyId\":" + Json.quote(c.accessKeyId())
                + ",\"SecretAccessKey\":" + Json.quote(c.secretAccessKey())
                + ",\"Token\":" + Json.quote(c.sessionToken())
                + ",\"Expiration\":" + Json.quote(c.expiration()) + "}";
    }
}
