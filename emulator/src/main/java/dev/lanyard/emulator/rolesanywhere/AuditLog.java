package dev.lanyard.emulator.rolesanywhere;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** One JSON line per CreateSession in {@code DATA_DIR/audit.log}: time, certificate serial and subject, decision, reason. */
public final class AuditLog {
    public static final String FILE_NAME = "audit.log";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public AuditLog(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    /** {@code leaf} may be null when the request never got as far as a readable certificate. */
    public synchronized void record(Instant time, X509Certificate leaf, String roleArn, boolean allowed, String errorType,
                                    String reason, String accessKeyId) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", time.toString());
        n.put("serial", leaf == null ? null : leaf.getSerialNumber().toString(16));
        n.put("subject", leaf == null ? null : leaf.getSubjectX500Principal().getName());
        n.put("roleArn", roleArn);
        n.put("decision", allowed ? "allow" : "deny");
        if (!allowed) {
            n.put("errorType", errorType);
        }
        n.put("reason", reason);
        if (accessKeyId != null) {
            n.put("accessKeyId", accessKeyId);
        }
        try {
            Files.write(file, (n + "\n").getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, file + ": cannot append to the audit log (" + e.getMessage() + ")");
        }
    }
}
