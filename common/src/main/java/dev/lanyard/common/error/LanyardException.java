package dev.lanyard.common.error;

import java.util.Objects;

/**
 * The one exception base type. Its message is a single line meant for the user: what is wrong and
 * what to do. The failure kind decides the exit code and HTTP status.
 */
public class LanyardException extends RuntimeException {
    private final Failure failure;

    public LanyardException(Failure failure, String message) {
        super(message);
        this.failure = Objects.requireNonNull(failure);
    }

    public LanyardException(Failure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = Objects.requireNonNull(failure);
    }

    public Failure failure() {
        return failure;
    }
}
