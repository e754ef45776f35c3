package dev.lanyard.issuer.wire;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 8h}, {@code 30m}, {@code 1h30m}, {@code 90s}, {@code 2d}. */
public final class Durations {
    private static final Pattern WHOLE = Pattern.compile("(\\d{1,9}[dhms])+");
    private static final Pattern PART = Pattern.compile("(\\d{1,9})([dhms])");

    private Durations() {
    }

    public static Duration parse(String text, String what) {
        if (text == null || !WHOLE.matcher(text).matches()) {
            throw new LanyardException(Failure.INVALID_INPUT, what + ": invalid duration "
                    + (text == null ? "(empty)" : "'" + text + "'") + "; use e.g. 8h, 30m, 1h30m, 90s");
        }
        Duration d = Duration.ZERO;
        Matcher m = PART.matcher(text);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
        }
        if (d.isZero()) {
            throw new LanyardException(Failure.INVALID_INPUT, what + ": duration must be positive");
        }
        return d;
    }

    /** The shortest form: {@code 8h}, {@code 1h30m}, {@code 45s}. */
    public static String format(Duration d) {
        long s = d.getSeconds();
        StringBuilder sb = new StringBuilder();
        if (s >= 3600) {
            sb.append(s / 3600).append('h');
            s %= 3600;
        }
        if (s >= 60) {
            sb.append(s / 60).append('m');
            s %= 60;
        }
        if (s > 0 || sb.isEmpty()) {
            sb.append(s).append('s');
        }
        return sb.toString();
    }
}
