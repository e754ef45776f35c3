package dev.lanyard.signer.sigv4;

import dev.lanyard.common.aws.Region;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * {@code yyyyMMdd/region/service/aws4_request}. The region is a {@link Region}, so a FIPS microformat
 * ({@code fips-us-east-1}) can never reach the scope: only its plain name does.
 */
public record CredentialScope(String date, String region, String service) {
    public static final String SERVICE = "rolesanywhere";
    public static final String TERMINATOR = "aws4_request";

    public static CredentialScope of(Instant time, Region region) {
        return new CredentialScope(amzDate(time).substring(0, 8), region.name(), SERVICE);
    }

    /** The {@code X-Amz-Date} value: UTC, second precision, {@code yyyyMMdd'T'HHmmss'Z'}. */
    public static String amzDate(Instant time) {
        // formatted by hand: DateTimeFormatter costs ~10 ms of class loading and lambda linking on the
        // one-shot path
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(time);
        }
        StringBuilder sb = new StringBuilder(16);
        digits(sb, t.getYear(), 4);
        digits(sb, t.getMonthValue(), 2);
        digits(sb, t.getDayOfMonth(), 2);
        sb.append('T');
        digits(sb, t.getHour(), 2);
        digits(sb, t.getMinute(), 2);
        digits(sb, t.getSecond(), 2);
        return sb.append('Z').toString();
    }

    private static void digits(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    public String text() {
        return date + '/' + region + '/' + service + '/' + TERMINATOR;
    }

    @Override
    public String toString() {
        return text();
    }
}
