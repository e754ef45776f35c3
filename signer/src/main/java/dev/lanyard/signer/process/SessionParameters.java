package dev.lanyard.signer.process;

import dev.lanyard.common.aws.Region;
import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.signer.session.CreateSessionRequest;
import dev.lanyard.signer.session.Endpoint;
import dev.lanyard.signer.session.HttpSettings;

/** Everything about the CreateSession call except the key material, validated by the CLI. */
public record SessionParameters(CreateSessionRequest request, Region region, Endpoint endpoint, CryptoMode mode,
                                HttpSettings http) {

    /** Adds the parameters that change the session to a cache key. */
    public CacheKey addTo(CacheKey key) {
        return key.add(request.trustAnchor().toString())
                .add(request.profile().toString())
                .add(request.role().toString())
                .add(Integer.toString(request.durationSeconds()))
                .add(request.roleSessionName())
                .add(region.name())
                .add(endpoint.url().toString());
    }
}
