package dev.lanyard.signer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.signer.refresh.FakeSource;
import dev.lanyard.signer.refresh.RefreshPolicy;
import dev.lanyard.signer.refresh.RefreshingCredentials;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** --hop-limit reaches the listening socket (the kernel copies it to accepted connections). */
class HopLimitTest {
    @Test
    void hopLimitOneIsSetOnTheListeningSocket() throws Exception {
        Clock clock = Clock.systemUTC();
        RefreshingCredentials c = new RefreshingCredentials(new FakeSource(clock, Duration.ofHours(1)), clock,
                RefreshPolicy.DEFAULT, s -> { });
        c.start();
        try (CredentialServer s = CredentialServer.imds(c, "r", InetAddress.getLoopbackAddress(), 0, 1, clock,
                new SecureRandom())) {
            assertEquals(1, HopLimit.read(s.port()));
        }
        try (CredentialServer s = CredentialServer.container(c, "t", InetAddress.getLoopbackAddress(), 0, 64)) {
            assertEquals(64, HopLimit.read(s.port()), "the kernel default is left alone");
        }
    }
}
