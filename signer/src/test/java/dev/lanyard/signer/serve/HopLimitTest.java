package dev.lanyard.signer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            int[] set = HopLimit.read(s.port());
            assertEquals(1, set[0], "IPv4 TTL (also used for IPv4-mapped connections on a dual-stack socket)");
            assertTrue(set[1] == 1 || set[1] == -1, "IPv6 hop limit " + set[1]);
        }
        try (CredentialServer s = CredentialServer.container(c, "t", InetAddress.getLoopbackAddress(), 0, 64)) {
            assertEquals(64, HopLimit.read(s.port())[0], "the kernel default is left alone");
        }
    }
}
