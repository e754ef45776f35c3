package dev.lanyard.issuer.agent;

import java.time.Duration;

/** Where a renewal round gets an output's SVID ({@link SvidFetcher} against a real issuer). */
@FunctionalInterface
interface SvidSource {
    SvidFetcher.Svid fetch(BotIdentity identity, OutputConfig output, Duration ttl);
}
