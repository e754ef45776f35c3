package dev.lanyard.e2e;

/** A journey step did not do what the user expects; the message says which and why. */
final class JourneyException extends RuntimeException {
    JourneyException(String message) {
        super(message);
    }
}
