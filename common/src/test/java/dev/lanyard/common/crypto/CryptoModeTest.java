package dev.lanyard.common.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CryptoModeTest {
    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("nothing set", false, Map.of(), CryptoMode.DEFAULT),
                Arguments.of("--fips", true, Map.of(), CryptoMode.FIPS),
                Arguments.of("LANYARD_FIPS=1", false, Map.of("LANYARD_FIPS", "1"), CryptoMode.FIPS),
                Arguments.of("LANYARD_FIPS=true", false, Map.of("LANYARD_FIPS", "TRUE"), CryptoMode.FIPS),
                Arguments.of("LANYARD_FIPS=0", false, Map.of("LANYARD_FIPS", "0"), CryptoMode.DEFAULT),
                Arguments.of("--fips wins over LANYARD_FIPS=0", true, Map.of("LANYARD_FIPS", "0"), CryptoMode.FIPS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void selects(String name, boolean flag, Map<String, String> env, CryptoMode expected) {
        assertEquals(expected, CryptoMode.select(flag, env));
    }
}
