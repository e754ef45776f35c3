package dev.lanyard.emulator.auth;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.Protocol;
import dev.lanyard.emulator.api.RawRequest;
import dev.lanyard.emulator.store.AdminCredentials;
import dev.lanyard.emulator.store.Registry;
import dev.lanyard.emulator.store.Session;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies SigV4-HMAC ({@code AWS4-HMAC-SHA256}) requests against the admin credentials and the
 * session credentials issued by CreateSession. Failures are the AWS errors of the request's protocol.
 */
public final class HmacAuthenticator {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private final AdminCredentials admin;
    private final Registry registry;
    private final Clock clock;
    private final Duration skew;
    private final String account;

    public HmacAuthenticator(AdminCredentials admin, Registry registry, Clock clock, Duration skew, String account) {
        this.admin = admin;
        this.registry = registry;
        this.clock = clock;
        this.skew = skew;
        this.account = account;
    }

    public Caller authenticate(RawRequest req, String service, Protocol protocol) {
        Errors err = new Errors(protocol);
        String header = req.header("authorization").orElseThrow(() -> err.missing());
        SigV4Authorization auth;
        try {
            auth = SigV4Authorization.parse(header);
        } catch (IllegalArgumentException e) {
            throw err.incomplete(e.getMessage());
        }
        if (!auth.algorithm().equals(ALGORITHM)) {
            throw err.incomplete("algorithm " + auth.algorithm() + " is not " + ALGORITHM);
        }
        if (!auth.scope().service().equals(service)) {
            throw err.badSignature("credential scope service is \"" + auth.scope().service() + "\" but this is the "
                    + service + " endpoint");
        }
        String amzDate = req.header("x-amz-date").orElseThrow(() -> err.incomplete("the request has no X-Amz-Date header"));
        Instant date = AmzDate.parse(amzDate).orElseThrow(() -> err.incomplete("X-Amz-Date \"" + amzDate
                + "\" is not yyyyMMdd'T'HHmmss'Z'"));
        if (!amzDate.substring(0, 8).equals(auth.scope().date())) {
            throw err.badSignature("credential scope date " + auth.scope().date() + " is not the date of X-Amz-Date " + amzDate);
        }
        Instant now = clock.instant();
        Optional<String> skewProblem = AmzDate.skewProblem(date, now, skew);
        if (skewProblem.isPresent()) {
            throw err.signatureExpired(amzDate, skewProblem.get());
        }
        if (!auth.signedHeaders().contains("host")) {
            throw err.incomplete("SignedHeaders must include host");
        }
        Caller caller;
        String secret;
        if (auth.credential().equals(admin.accessKeyId())) {
            secret = admin.secretAccessKey();
            caller = new Caller(admin.accessKeyId(), "arn:aws:iam::" + account + ":root", account, account, true);
        } else {
            Session s = registry.session(auth.credential()).orElseThrow(() -> err.unknownKey(
                    "access key " + auth.credential() + " is neither the admin key nor a session issued by this emulator"));
            String token = req.header("x-amz-security-token").orElse("");
            if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), s.sessionToken().getBytes(StandardCharsets.UTF_8))) {
                throw err.unknownKey("X-Amz-Security-Token is missing or is not the token issued with " + s.accessKeyId());
            }
            if (!now.isBefore(s.expiration())) {
                throw err.expired("the session " + s.accessKeyId() + " expired at " + s.expiration());
            }
            secret = s.secretAccessKey();
            caller = new Caller(s.accessKeyId(), s.assumedRoleArn(), s.assumedRoleId(), account, false);
        }
        CanonicalRequest canonical;
        try {
            canonical = CanonicalRequest.build(req, auth.signedHeaders(), true);
        } catch (CanonicalRequest.MissingSignedHeader e) {
            throw err.badSignature(e.getMessage());
        }
        StringToSign sts = StringToSign.of(ALGORITHM, amzDate, auth.scope(), canonical);
        byte[] expected = sign(secret, auth.scope(), sts.text());
        byte[] given = HexFormat.of().parseHex(auth.signature().length() % 2 == 0 ? auth.signature() : "0" + auth.signature());
        if (!MessageDigest.isEqual(expected, given)) {
            throw err.badSignature("the HMAC over the canonical request (SHA-256 " + canonical.sha256()
                    + ", signed headers " + String.join(";", auth.signedHeaders()) + ") does not match; check the secret key");
        }
        return caller;
    }

    static byte[] sign(String secret, CredentialScope scope, String stringToSign) {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), scope.date());
        k = hmac(k, scope.region());
        k = hmac(k, scope.service());
        k = hmac(k, scope.terminator());
        return hmac(k, stringToSign);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new LanyardException(Failure.INTERNAL, "HmacSHA256 is missing from this JDK", e);
        }
    }

    /** The AWS error codes of each protocol for authentication failures. */
    private record Errors(Protocol protocol) {
        private boolean json() {
            return protocol == Protocol.REST_JSON;
        }

        AwsError missing() {
            return json() ? new AwsError("MissingAuthenticationTokenException", 403, "Missing Authentication Token",
                    "the request has no Authorization header; sign it with the admin credentials in DATA_DIR/admin-credentials")
                    : new AwsError("MissingAuthenticationToken", 403, "Request is missing Authentication Token",
                    "the request has no Authorization header; sign it with the admin credentials in DATA_DIR/admin-credentials");
        }

        AwsError incomplete(String why) {
            return new AwsError(json() ? "IncompleteSignatureException" : "IncompleteSignature", 400,
                    "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.", why);
        }

        AwsError unknownKey(String why) {
            return new AwsError(json() ? "UnrecognizedClientException" : "InvalidClientTokenId", 403,
                    "The security token included in the request is invalid.", why);
        }

        AwsError expired(String why) {
            return new AwsError(json() ? "ExpiredTokenException" : "ExpiredToken", 403,
                    "The security token included in the request is expired", why);
        }

        AwsError badSignature(String why) {
            return new AwsError(json() ? "InvalidSignatureException" : "SignatureDoesNotMatch", 403,
                    "The request signature we calculated does not match the signature you provided. Check your AWS Secret "
                            + "Access Key and signing method. Consult the service documentation for details.", why);
        }

        AwsError signatureExpired(String amzDate, String why) {
            return new AwsError(json() ? "InvalidSignatureException" : "SignatureDoesNotMatch", 403,
                    "Signature expired: " + amzDate + " is now earlier or later than the allowed clock skew.", why);
        }
    }
}
