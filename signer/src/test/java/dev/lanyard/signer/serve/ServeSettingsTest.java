package dev.lanyard.signer.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which listener settings are accepted: one row per rule. */
class ServeSettingsTest {
    @ParameterizedTest(name = "bind {0} port {1} hop {2} container {3} token-file {4} → {5}")
    @CsvSource(nullValues = "-", value = {
            "127.0.0.1, 9911, 64, false, -, ok",
            "::1, 0, 64, false, -, ok",
            "0.0.0.0, 9911, 64, false, -, is not a loopback address",
            "0.0.0.0, 9911, 1, false, -, ok",
            "0.0.0.0, 9911, 64, true, /tmp/t, ok",
            "127.0.0.1, 9911, 64, true, -, needs --token-file",
            "127.0.0.1, 9911, 64, false, /tmp/t, only used with --container",
            "127.0.0.1, 9911, 0, false, -, --hop-limit 0 is out of range",
            "127.0.0.1, 9911, 256, false, -, --hop-limit 256 is out of range",
            "127.0.0.1, 65536, 64, false, -, --port 65536 is out of range",
    })
    void rules(String bind, int port, int hop, boolean container, String tokenFile, String expected) throws Exception {
        InetAddress address = InetAddress.getByName(bind);
        Path file = tokenFile == null ? null : Path.of(tokenFile);
        if (expected.equals("ok")) {
            assertEquals(port, ServeSettings.check(address, port, hop, container, file).port());
        } else {
            LanyardException e = assertThrows(LanyardException.class,
                    () -> ServeSettings.check(address, port, hop, container, file));
            assertEquals(Failure.USAGE, e.failure());
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(expected), e.getMessage());
        }
    }
}
