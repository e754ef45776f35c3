package dev.lanyard.signer.testing;

import dev.lanyard.signer.process.KeyMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An output directory laid out as lanyard bot writes it: {@code svid.pem} and {@code svid_key.pem} are
 * links into {@code .lanyard/current}, itself a link to a version directory replaced by one rename.
 */
public final class SvidLinks {
    private final Path dir;
    private int version;

    public SvidLinks(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve(".lanyard"));
    }

    public Path certificate() {
        return dir.resolve("svid.pem");
    }

    public Path key() {
        return dir.resolve("svid_key.pem");
    }

    /** Writes {@code svid} as a new version and makes it current with one rename, as a renewal does. */
    public void renew(TestPki.Issued svid) {
        try {
            Path v = Files.createDirectory(dir.resolve(".lanyard").resolve("v%06d".formatted(++version)));
            svid.writeCertificate(v.resolve("svid.pem"));
            svid.writeKey(v.resolve("svid_key.pem"));
            Path tmp = dir.resolve(".lanyard").resolve(".current.tmp");
            Files.createSymbolicLink(tmp, Path.of(v.getFileName().toString()));
            Files.move(tmp, dir.resolve(".lanyard").resolve("current"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            for (String name : List.of("svid.pem", "svid_key.pem")) {
                if (!Files.isSymbolicLink(dir.resolve(name))) {
                    Files.createSymbolicLink(dir.resolve(name), Path.of(".lanyard", "current", name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Real file reads that make a renewal happen right after the first read of the certificate, i.e.
     * between the reader's certificate and key reads; records every spec read.
     */
    public static final class RenewAfterFirstCertificateRead implements KeyMaterial.Input {
        private final SvidLinks links;
        private final TestPki.Issued next;
        private final KeyMaterial.Input files = new KeyMaterial.StandardInput(Map.of(), java.io.InputStream.nullInputStream());
        public final List<String> reads = new ArrayList<>();

        public RenewAfterFirstCertificateRead(SvidLinks links, TestPki.Issued next) {
            this.links = links;
            this.next = next;
        }

        @Override
        public synchronized byte[] read(String spec) {
            byte[] bytes = files.read(spec);
            reads.add(spec);
            if (spec.equals(links.certificate().toString()) && reads.indexOf(spec) == reads.size() - 1) {
                links.renew(next);
            }
            return bytes;
        }

        public long certificateReads() {
            return reads.stream().filter(links.certificate().toString()::equals).count();
        }
    }
}
