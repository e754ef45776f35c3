package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.emulator.api.RawRequest;
import dev.lanyard.emulator.testing.TestEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Loads a recorded request by case name for tests in other packages. */
public final class VectorsSupport {
    private VectorsSupport() {
    }

    public static RawRequest request(String caseName) {
        try {
            return VectorsTest.load(TestEmulator.VECTORS.resolve(caseName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
