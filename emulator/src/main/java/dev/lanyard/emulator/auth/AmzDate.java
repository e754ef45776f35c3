package dev.lanyard.emulator.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** {@code X-Amz-Date} ({@code yyyyMMdd'T'HHmmss'Z'}) and the clock-skew rule. */
public final class AmzDate {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private AmzDate() {
    }

    public static Optional<Instant> parse(String value) {
        try {
            return Optional.of(LocalDateTime.parse(value, FORMAT).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Empty when {@code date} is within {@code skew} of {@code now}, else the explanation. */
    public static Optional<String> skewProblem(Instant date, Instant now, Duration skew) {
        Duration off = Duration.between(now, date);
        if (off.abs().compareTo(skew) <= 0) {
            return Optional.empty();
        }
        return Optional.of("clock skew: X-Amz-Date " + date + " is " + off.abs().toSeconds() + "s "
                + (off.isNegative() ? "before" : "after") + " the server time " + now
                + "; the maximum allowed skew is " + skew.toSeconds() + "s (--max-clock-skew)");
    }
}
