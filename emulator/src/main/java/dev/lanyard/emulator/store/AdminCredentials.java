package dev.lanyard.emulator.store;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The control-plane credentials, generated once and kept in {@code DATA_DIR/admin-credentials}
 * (AWS shared-credentials format, profile {@code default}, 0600).
 */
public record AdminCredentials(String accessKeyId, String secretAccessKey) {
    public static final String FILE_NAME = "admin-credentials";

    @Override
    public String toString() {
        return "AdminCredentials[" + accessKeyId + "]";
    }

    public static AdminCredentials loadOrCreate(Path dataDir, Ids ids) {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return read(file);
        }
        AdminCredentials created = new AdminCredentials(ids.accessKeyId("AKIA"), ids.secretAccessKey());
        AtomicFiles.write(file, "[default]\naws_access_key_id = " + created.accessKeyId
                + "\naws_secret_access_key = " + created.secretAccessKey + "\n", AtomicFiles.PRIVATE);
        return created;
    }

    static AdminCredentials read(Path file) {
        String id = null;
        String secret = null;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).trim();
                String value = line.substring(eq + 1).trim();
                if (key.equals("aws_access_key_id")) {
                    id = value;
                } else if (key.equals("aws_secret_access_key")) {
                    secret = value;
                }
            }
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, file + ": cannot read (" + e.getMessage() + ")");
        }
        if (id == null || secret == null || id.isEmpty() || secret.isEmpty()) {
            throw new LanyardException(Failure.FILE, file
                    + ": missing aws_access_key_id or aws_secret_access_key; delete the file to generate new admin credentials");
        }
        return new AdminCredentials(id, secret);
    }
}
