package dev.lanyard.signer.update;

import dev.lanyard.signer.refresh.FakeSource;
import java.nio.file.Path;

/** A separate process updating one profile many times, for the cross-process locking test. */
public final class WriterMain {
    private WriterMain() {
    }

    public static void main(String[] args) {
        CredentialsFile file = new CredentialsFile(Path.of(args[0]));
        int rounds = Integer.parseInt(args[2]);
        for (int r = 0; r < rounds; r++) {
            file.update(args[1], FakeSource.credentials(r, "2026-01-01T01:00:00Z"));
        }
    }
}
