package dev.lanyard.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.emulator.rolesanywhere.VectorsSupport;
import dev.lanyard.emulator.server.EmulatorContext;
import dev.lanyard.emulator.testing.TestEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State, admin credentials and issued sessions survive a restart on the same data directory. */
class PersistenceTest {
    @TempDir
    Path dir;

    @Test
    void survivesRestart() throws Exception {
        Instant at = Instant.parse("2026-11-25T03:05:40Z");
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        EmulatorContext first = TestEmulator.start(dir, clock);
        first.trustAnchors.setEnabled("11111111-2222-3333-4444-555555555555", false);
        first.roles.put(new Role("extra", "/team/", "AROAEXTRA000000000001", "{\"Statement\":[]}", 7200, "kept", at));
        first.trustAnchors.setEnabled("11111111-2222-3333-4444-555555555555", true);
        Session s = first.createSession.create(VectorsSupport.request("ec-p256-basic")).session();

        EmulatorContext second = TestEmulator.start(dir, clock, null, "5m", false);
        assertEquals(first.admin, second.admin);
        assertEquals("/team/", second.roles.get("extra").path());
        assertEquals(7200, second.roles.get("extra").maxSessionDuration());
        assertTrue(second.trustAnchors.get("11111111-2222-3333-4444-555555555555").enabled());
        assertEquals(s, second.registry.session(s.accessKeyId()).orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("state.json"))));
        assertFalse(Files.readString(dir.resolve("state.json")).isBlank());
        assertTrue(Files.readString(dir.resolve("audit.log")).contains("\"decision\":\"allow\""));

        EmulatorContext reseeded = TestEmulator.start(dir, clock);
        assertEquals(1, reseeded.trustAnchors.list().size(), "seeding again replaces by id");
        assertEquals(2, reseeded.roles.list().size());
    }
}
