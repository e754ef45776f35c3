package dev.lanyard.issuer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.InputFiles;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.cli.IssuerTestResource;
import dev.lanyard.issuer.server.Issuer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The bot's first contact against a real issuer over HTTPS: SPIFFE CA pin, host CA pin, wrong pin. */
@QuarkusTest
@WithTestResource(IssuerTestResource.class)
class CaPinCheckTest {
    @Inject
    Issuer issuer;

    static final SecureRandom RANDOM = new SecureRandom();

    private static Path dataDir() {
        return Path.of(ConfigProvider.getConfig().getValue("lanyard.data-dir", String.class));
    }

    private static String server() throws Exception {
        return Files.readString(dataDir().resolve("issuer.addr")).strip();
    }

    private static X509Certificate hostCa() {
        return Certificates.parseOne(InputFiles.read(dataDir().resolve("ca/host-ca.pem")), "host-ca.pem");
    }

    @Test
    void theSpiffeCaPinFromCtlStatusOrTheHostCaPinSelectsTheHostCa() throws Exception {
        var status = issuer.status();
        assertEquals(hostCa(), CaPinCheck.hostCa(server(), List.of(status.caPin()), RANDOM));
        assertEquals(hostCa(), CaPinCheck.hostCa(server(), List.of(status.hostCaPin()), RANDOM));
        assertEquals(hostCa(), CaPinCheck.hostCa(server(), List.of("sha256:" + "11".repeat(32), status.caPin()),
                RANDOM), "one matching pin of several is enough");
    }

    @Test
    void aWrongPinNamesWhereTheRightOneIs() throws Exception {
        LanyardException e = assertThrows(LanyardException.class, () -> CaPinCheck.hostCa(server(),
                List.of("sha256:" + "22".repeat(32)), RANDOM));
        assertEquals(Failure.UNTRUSTED, e.failure());
        assertTrue(e.getMessage().startsWith("CA pin mismatch: the issuer at " + server() + " has SPIFFE CA pin "
                + issuer.status().caPin()), e.getMessage());
        assertTrue(e.getMessage().endsWith(CaPinCheck.HINT), e.getMessage());
        assertEquals(Failure.USAGE, assertThrows(LanyardException.class, () -> CaPinCheck.hostCa(server(),
                List.of("sha256:zz"), RANDOM)).failure());
    }
}
