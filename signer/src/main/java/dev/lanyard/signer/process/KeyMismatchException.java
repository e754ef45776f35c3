package dev.lanyard.signer.process;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;

/**
 * The private key is not the certificate's ({@link Failure#KEY_OR_CERTIFICATE}, exit 5). A type of its
 * own so that {@link KeyMaterialReader} can tell it apart from other key and certificate errors: only
 * this one can come from reading two files while a writer replaced them.
 */
public final class KeyMismatchException extends LanyardException {
    KeyMismatchException(String message) {
        super(Failure.KEY_OR_CERTIFICATE, message);
    }
}
