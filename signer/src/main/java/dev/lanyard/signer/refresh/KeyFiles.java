package dev.lanyard.signer.refresh;

import dev.lanyard.signer.process.KeyMaterial;
import dev.lanyard.signer.process.KeyMaterialReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where the certificate, key and intermediates come from. Read again at every refresh, so a renewed
 * SVID (written by {@code lanyard bot}) is picked up. {@code -} (stdin) can be read once only, so the
 * long-running modes accept paths and {@code env:NAME}.
 */
public record KeyFiles(String certificate, String privateKey, String intermediates, char[] password) {

    public KeyMaterial read(Map<String, String> env) {
        return reader(new KeyMaterial.StandardInput(env, InputStream.nullInputStream())).read();
    }

    /** A reader of these files through {@code input}, which re-reads them when the key did not match. */
    public KeyMaterialReader reader(KeyMaterial.Input input) {
        return new KeyMaterialReader(certificate, privateKey, intermediates, input);
    }

    /**
     * What the files look like without reading them: file key, modification time and size of each,
     * following links. Equal stamps mean unchanged files, so a change check costs a few {@code stat}
     * calls, except for a stamp {@link Stamp#racy racy} at the time it was taken (a file modified within
     * the file system's timestamp granularity could change again without its stamp changing), as git
     * does. {@code env:NAME} sources never change. Null when a file cannot be looked at.
     */
    public Stamp stamp(java.time.Instant now) {
        List<Object> parts = new ArrayList<>(3);
        java.time.Instant newest = java.time.Instant.MIN;
        for (String spec : new String[] {certificate, privateKey, intermediates}) {
            if (spec == null || spec.startsWith("env:")) {
                parts.add(String.valueOf(spec));
                continue;
            }
            try {
                BasicFileAttributes a = Files.readAttributes(Path.of(spec), BasicFileAttributes.class);
                parts.add(List.of(String.valueOf(a.fileKey()), a.lastModifiedTime(), a.size()));
                java.time.Instant modified = a.lastModifiedTime().toInstant();
                newest = modified.isAfter(newest) ? modified : newest;
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return new Stamp(List.copyOf(parts), !newest.isBefore(now.minus(Stamp.RACY)));
    }

    /** The files' stamp; {@code racy} when one was modified less than {@link #RACY} before it was taken. */
    public record Stamp(List<Object> parts, boolean racy) {
        static final java.time.Duration RACY = java.time.Duration.ofSeconds(2);

        /** True when this stamp proves the files are those stamped as {@code earlier}. */
        public boolean sameAs(Stamp earlier) {
            return earlier != null && !earlier.racy() && parts.equals(earlier.parts());
        }
    }

    @Override
    public String toString() {
        return "KeyFiles[certificate=" + certificate + ", privateKey=" + privateKey + ", intermediates=" + intermediates + "]";
    }
}
