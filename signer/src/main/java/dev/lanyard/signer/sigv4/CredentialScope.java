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
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    public static CredentialScope of(Instant time, Region region) {
        return new CredentialScope(amzDate(time).substring(0, 8), region.name(), SERVICE);
    }

    /** The {@code X-Amz-Date} value: UTC, second precision, {@code yyyyMMdd'T'HHmmss'Z'}. */
    public static String amzDate(Instant time) {
        return AMZ_DATE.format(time);
    }

    public String text() {
        return date + '/' + region + '/' + service + '/' + TERMINATOR;
    }

    @Override
    public String toString() {
        return text();
    }
}
