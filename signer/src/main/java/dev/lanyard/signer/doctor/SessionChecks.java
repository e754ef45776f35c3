package dev.lanyard.signer.doctor;

import dev.lanyard.common.aws.ProfileArn;
import dev.lanyard.common.aws.Region;
import dev.lanyard.common.aws.RoleArn;
import dev.lanyard.common.aws.TrustAnchorArn;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.session.CreateSessionRequest;
import dev.lanyard.signer.session.Endpoint;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/** The checks on the CreateSession parameters, the endpoint and the clock. */
final class SessionChecks {
    static final Duration MAX_SKEW = Duration.ofMinutes(5);

    private final DoctorInputs in;
    private final Checklist out;
    private final Instant now;

    SessionChecks(DoctorInputs in, Checklist out, Instant now) {
        this.in = in;
        this.out = out;
        this.now = now;
    }

    /** Returns the resolved endpoint when the parameters allow resolving it. */
    Endpoint run() {
        TrustAnchorArn ta = arn("trust anchor ARN", in.trustAnchorArn(), "--trust-anchor-arn", TrustAnchorArn::parse);
        ProfileArn profile = arn("profile ARN", in.profileArn(), "--profile-arn", ProfileArn::parse);
        arn("role ARN", in.roleArn(), "--role-arn", RoleArn::parse);
        if (in.sessionDuration() < CreateSessionRequest.MIN_DURATION || in.sessionDuration() > CreateSessionRequest.MAX_DURATION) {
            out.add(Check.fail("session duration", in.sessionDuration() + " s", "use --session-duration between 900 and 43200",
                    Failure.INVALID_INPUT));
        } else {
            out.add(Check.pass("session duration", in.sessionDuration() + " s (the profile and role may cap it)"));
        }
        if (ta == null) {
            return null;
        }
        Region region;
        try {
            region = in.region() == null || in.region().isBlank() ? ta.region() : Region.parse(in.region());
        } catch (LanyardException e) {
            out.add(Check.fail("region", e.getMessage(), "use a region such as us-east-1", e.failure()));
            return null;
        }
        if (profile != null) {
            boolean same = ta.arn().region().equals(profile.arn().region());
            out.add(same ? Check.pass("ARN regions", "trust anchor and profile are both in " + ta.arn().region())
                    : Check.fail("ARN regions", "trust anchor and profile regions don't match (" + ta.arn().region() + " vs "
                    + profile.arn().region() + ")", "use a trust anchor and profile from the same region", Failure.INVALID_INPUT));
        }
        if (!region.name().equals(ta.region().name())) {
            out.add(Check.fail("signing region", "--region " + in.region() + " signs for " + region.name()
                    + " but the trust anchor is in " + ta.region().name(), "drop --region or use the trust anchor's region",
                    Failure.INVALID_INPUT));
        } else {
            out.add(Check.pass("signing region", region.name() + (region.fips() ? " (FIPS endpoint, plain name in the scope)" : "")));
        }
        try {
            Endpoint ep = Endpoint.resolve(in.endpoint(), in.env(), region, in.useFipsEndpoint());
            out.add(Check.pass("endpoint", ep.url().toString()));
            return ep;
        } catch (LanyardException e) {
            out.add(Check.fail("endpoint", e.getMessage(), "use an https:// URL (http:// only for a local emulator)", e.failure()));
            return null;
        }
    }

    void clockSkew(Endpoint endpoint, ServerClock clock) {
        if (endpoint == null) {
            out.add(Check.skip("clock skew", "no endpoint to compare with"));
            return;
        }
        Optional<Instant> server;
        try {
            server = clock.dateOf(endpoint);
        } catch (IOException e) {
            out.add(Check.warn("clock skew", "cannot reach " + endpoint + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")",
                    "check --endpoint, the network and HTTPS_PROXY/NO_PROXY"));
            return;
        }
        if (server.isEmpty()) {
            out.add(Check.skip("clock skew", endpoint + " sent no Date header"));
            return;
        }
        Duration skew = Duration.between(server.get(), now);
        if (skew.abs().compareTo(MAX_SKEW) > 0) {
            out.add(Check.fail("clock skew", "this machine is " + describe(skew) + " the endpoint",
                    "fix this machine's clock (NTP): requests more than 5 minutes off are refused", Failure.UNTRUSTED));
        } else {
            out.add(Check.pass("clock skew", describe(skew) + " the endpoint (within 5 minutes)"));
        }
    }

    private static String describe(Duration skew) {
        long s = skew.toSeconds();
        return Math.abs(s) + " s " + (s >= 0 ? "ahead of" : "behind");
    }

    private <T> T arn(String name, String value, String flag, Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            out.add(Check.fail(name, "no " + flag + " given", "pass " + flag + " ARN", Failure.USAGE));
            return null;
        }
        try {
            T t = parse.apply(value);
            out.add(Check.pass(name, value));
            return t;
        } catch (LanyardException e) {
            out.add(Check.fail(name, e.getMessage(), "copy the ARN from the AWS console or aws rolesanywhere list-*",
                    e.failure()));
            return null;
        }
    }
}
