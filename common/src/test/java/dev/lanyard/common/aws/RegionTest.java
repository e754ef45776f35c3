package dev.lanyard.common.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.error.LanyardException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegionTest {
    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("plain", "us-east-1", "us-east-1", false, "rolesanywhere.us-east-1.amazonaws.com"),
                Arguments.of("fips prefix", "fips-us-east-1", "us-east-1", true, "rolesanywhere-fips.us-east-1.amazonaws.com"),
                Arguments.of("fips suffix", "us-east-1-fips", "us-east-1", true, "rolesanywhere-fips.us-east-1.amazonaws.com"),
                Arguments.of("gov cloud", "us-gov-west-1", "us-gov-west-1", false, "rolesanywhere.us-gov-west-1.amazonaws.com"),
                Arguments.of("gov cloud fips", "fips-us-gov-west-1", "us-gov-west-1", true,
                        "rolesanywhere-fips.us-gov-west-1.amazonaws.com"),
                Arguments.of("china", "cn-north-1", "cn-north-1", false, "rolesanywhere.cn-north-1.amazonaws.com.cn"),
                Arguments.of("surrounding spaces", " eu-west-2 ", "eu-west-2", false, "rolesanywhere.eu-west-2.amazonaws.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void normalises(String name, String text, String signingRegion, boolean fips, String host) {
        Region r = Region.parse(text);
        assertEquals(signingRegion, r.name());
        assertEquals(signingRegion, r.toString());
        assertEquals(fips, r.fips());
        assertEquals(host, r.rolesAnywhereHost());
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("empty", "", "region is empty"),
                Arguments.of("no dashes", "useast1", "invalid region \"useast1\": expected a name such as us-east-1"),
                Arguments.of("upper case", "US-EAST-1", "invalid region \"US-EAST-1\": expected a name such as us-east-1"),
                Arguments.of("fips alone", "fips", "invalid region \"fips\": expected a name such as us-east-1"),
                Arguments.of("fips on both ends", "fips-us-east-1-fips",
                        "invalid region \"us-east-1-fips\": expected a name such as us-east-1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void rejects(String name, String text, String message) {
        assertEquals(message, assertThrows(LanyardException.class, () -> Region.parse(text)).getMessage());
    }

    @org.junit.jupiter.api.Test
    void withFipsKeepsTheSigningRegion() {
        assertEquals(new Region("us-west-2", true), Region.parse("us-west-2").withFips(true));
        assertEquals(new Region("us-west-2", true), Region.parse("fips-us-west-2").withFips(false));
    }
}
