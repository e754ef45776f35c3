package dev.lanyard.signer.process;

import dev.lanyard.common.aws.Region;
import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.signer.session.CreateSessionRequest;
import dev.lanyard.signer.session.Endpoint;
import dev.lanyard.signer.session.HttpSettings;

/** Everything about the CreateSession call except the key material, validated by the CLI. */
public record SessionParameters(CreateSessionRequest request, Region region, Endpoint endpoint, CryptoMode mode,
                                HttpSettings http) {
}
