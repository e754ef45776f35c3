package dev.lanyard.emulator.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations written as a number and a unit: {@code 30s}, {@code 5m}, {@code 12h}, {@code 36500d}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([smhd]?)");

    private Durations() {
    }

    public static Duration parse(String text, String flag) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new LanyardException(Failure.USAGE, flag + ": \"" + text + "\" is not a duration; use a number and s, m, h or d (e.g. 5m, 36500d)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofSeconds(n);
        };
    }
}
