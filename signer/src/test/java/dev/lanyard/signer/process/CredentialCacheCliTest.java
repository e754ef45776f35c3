package dev.lanyard.signer.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.signer.testing.Cli;
import dev.lanyard.signer.testing.Fixture;
import dev.lanyard.signer.testing.ScriptedEndpoint;
import dev.lanyard.signer.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The credential cache through the CLI, with an injected clock instead of waiting. */
class CredentialCacheCliTest {
    static final Instant NOW = Instant.parse("2026-11-25T04:00:00Z");
    static final String EXPIRES = "2026-11-25T05:00:00Z";

    @TempDir
    Path tmp;
    Fixture f;
    ScriptedEndpoint ep;

    @BeforeEach
    void setUp() throws Exception {
        f = new Fixture(tmp, NOW);
        ep = new ScriptedEndpoint().respond(ScriptedEndpoint.created("ASIAFIRST", EXPIRES),
                ScriptedEndpoint.created("ASIASECOND", "2026-11-25T06:00:00Z"));
    }

    @AfterEach
    void tearDown() {
        ep.close();
    }

    private Cli.Result at(Instant when, String... extra) {
        return new Cli(Clock.fixed(when, ZoneOffset.UTC)).run(f.credentialProcess(ep.url(), extra));
    }

    private Path cacheDir() {
        return tmp.resolve("cache");
    }

    private List<Path> entries() throws Exception {
        try (Stream<Path> s = Files.list(cacheDir())) {
            return s.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }

    @Test
    void reusesCredentialsWhileMoreThan15MinutesRemain() {
        Cli.Result first = at(NOW);
        Cli.Result second = at(NOW.plus(Duration.ofMinutes(44)));
        assertEquals(0, second.exitCode(), second.toString());
        assertEquals(first.stdout(), second.stdout(), "same credentials, byte for byte");
        assertEquals(1, ep.received().size(), "one CreateSession for two runs");
    }

    @Test
    void refreshesInsideThe15MinuteWindow() {
        at(NOW);
        Cli.Result later = at(NOW.plus(Duration.ofMinutes(45)));
        assertTrue(later.stdout().contains("ASIASECOND"), later.toString());
        assertEquals(2, ep.received().size());
        Cli.Result again = at(NOW.plus(Duration.ofMinutes(46)));
        assertTrue(again.stdout().contains("ASIASECOND"), "the refreshed entry replaced the old one");
        assertEquals(2, ep.received().size());
    }

    @Test
    void aChangedCertificateNeverReusesOldCredentials() throws Exception {
        at(NOW);
        TestPki.Issued renewed = f.pki.leaf(f.root, TestPki.LeafSpec.svid(NOW));
        renewed.writeCertificate(f.certPem);
        renewed.writeKey(f.keyPem);
        Cli.Result r = at(NOW.plus(Duration.ofMinutes(1)));
        assertTrue(r.stdout().contains("ASIASECOND"), r.toString());
        assertEquals(2, ep.received().size());
    }

    @Test
    void theRenewedCertificatesEntryReplacesTheOldOne() throws Exception {
        at(NOW);
        TestPki.Issued renewed = f.pki.leaf(f.root, TestPki.LeafSpec.svid(NOW));
        renewed.writeCertificate(f.certPem);
        renewed.writeKey(f.keyPem);
        at(NOW.plus(Duration.ofMinutes(1)));
        assertEquals(1, entries().size(), "the old certificate's credentials do not stay on disk");
        assertTrue(Files.readString(entries().get(0)).contains("ASIASECOND"));
    }

    @Test
    void expiredEntriesAreRemovedAtTheNextStore() throws Exception {
        at(NOW);
        Cli.Result other = at(NOW.plus(Duration.ofMinutes(90)), "--role-session-name", "other");
        assertTrue(other.stdout().contains("ASIASECOND"), other.toString());
        assertEquals(1, entries().size(), "the first entry expired at " + EXPIRES);
    }

    @Test
    void otherParametersGetTheirOwnEntry() throws Exception {
        at(NOW);
        at(NOW, "--session-duration", "900");
        at(NOW, "--role-session-name", "other");
        assertEquals(3, ep.received().size());
        assertEquals(3, entries().size());
    }

    @Test
    void aCorruptEntryIsIgnoredAndReplaced() throws Exception {
        at(NOW);
        Path entry = entries().get(0);
        Files.writeString(entry, "{\"Version\":1,\"AccessKeyId\":");
        Cli.Result r = at(NOW.plus(Duration.ofMinutes(1)));
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("ASIASECOND"));
        assertTrue(Files.readString(entry).contains("ASIASECOND"), "replaced");
        Files.writeString(entry, "not json at all");
        assertEquals(0, at(NOW.plus(Duration.ofMinutes(2))).exitCode());
    }

    @Test
    void anUnwritableCacheIsNotFatal() throws Exception {
        Files.writeString(cacheDir(), "a file where the directory should be");
        Cli.Result r = at(NOW);
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("ASIAFIRST"));
        assertEquals("", r.stderr());
    }

    @Test
    void noCacheNeitherReadsNorWrites() throws Exception {
        at(NOW, "--no-cache");
        at(NOW, "--no-cache");
        assertEquals(2, ep.received().size());
        assertTrue(Files.notExists(cacheDir()));
    }

    @Test
    void theCacheIsPrivate() throws Exception {
        at(NOW);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(entries().get(0))));
    }

    @Test
    void aCacheHitNeedsNoEndpointAndNoKeyParsing() throws Exception {
        at(NOW);
        ep.close();
        Files.writeString(tmp.resolve("garbage-key.pem"), "");
        Cli.Result r = at(NOW.plus(Duration.ofMinutes(5)));
        assertEquals(0, r.exitCode(), "served from the cache although the endpoint is gone: " + r);
    }

    @Test
    void defaultDirectoryFollowsXdg() {
        assertEquals(Path.of("/x/lanyard/credentials"), CredentialCache.defaultDirectory(java.util.Map.of("XDG_CACHE_HOME", "/x")));
        assertEquals(Path.of("/home/u/.cache/lanyard/credentials"), CredentialCache.defaultDirectory(java.util.Map.of("HOME", "/home/u")));
        assertEquals(Path.of("/home/u/.cache/lanyard/credentials"),
                CredentialCache.defaultDirectory(java.util.Map.of("HOME", "/home/u", "XDG_CACHE_HOME", "relative")));
    }
}
