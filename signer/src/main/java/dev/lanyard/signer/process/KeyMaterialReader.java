package dev.lanyard.signer.process;

/**
 * Reads the certificate, key and intermediates and hands them to a step that needs a matching pair,
 * reading them once more when the step finds that the key is not the certificate's. The files are
 * read one after the other, so a writer that replaces them in between (lanyard bot swaps a symlink at
 * each renewal; any writer may rename two files one after the other) can leave the certificate of one
 * version with the key of the next, and the second read sees the new pair. A pair that still does not
 * match, or that reads the same again, is reported as it is. Material read from stdin (read once) is
 * not read again.
 *
 * <p>Nothing is added to a step that succeeds: a credential cache hit still costs the reads and a
 * hash, with no key parsed.
 */
public record KeyMaterialReader(String certificate, String privateKey, String intermediates,
                                KeyMaterial.Input input) {

    /** What is done with the material; it throws {@link KeyMismatchException} on a pair that does not match. */
    public interface Step<T> {
        T apply(KeyMaterial material);
    }

    public KeyMaterial read() {
        return KeyMaterial.read(certificate, privateKey, intermediates, input);
    }

    /** Reads the material and runs {@code step} on it, reading once more if the key did not match. */
    public <T> T withMatchingPair(Step<T> step) {
        KeyMaterial first = read();
        try {
            return step.apply(first);
        } catch (KeyMismatchException mismatch) {
            if (fromStdin()) {
                throw mismatch;
            }
            KeyMaterial second = read();
            if (second.sameBytes(first)) {
                throw mismatch;
            }
            return step.apply(second);
        }
    }

    private boolean fromStdin() {
        return "-".equals(certificate) || "-".equals(privateKey) || "-".equals(intermediates);
    }
}
