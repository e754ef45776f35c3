package dev.lanyard.signer.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @Test
    void parsesNestedValuesInOrder() {
        Map<String, Object> m = Json.parseObject(" {\"b\":[1,2.5,true,null],\"a\":{\"s\":\"x\\u00e9\\n\\\"\"}} ");
        assertEquals(List.of("b", "a"), List.copyOf(m.keySet()));
        assertEquals(java.util.Arrays.asList(1L, 2.5, true, null), m.get("b"));
        assertEquals(Map.of("s", "xé\n\""), m.get("a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\"}", "{\"a\":1,}", "[1 2]", "{\"a\":1} x", "\"\\q\"", "tru", "{\"a\":\"\u0001\"}", "01", "1.", "-", "1e"})
    void rejectsMalformedInput(String text) {
        assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"0,0", "-0,0", "42,42", "-7,-7", "999999999999999999,999999999999999999"})
    void integralNumbersUpTo18DigitsAreLongs(String text, long expected) {
        assertEquals(expected, Json.parse(text));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"1000000000000000000,1e18", "2.5,2.5", "-0.5,-0.5", "1e3,1000", "1E+2,100",
        "25e-1,2.5", "1.5e2,150"})
    void otherNumbersAreDoubles(String text, double expected) {
        assertEquals(expected, Json.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1", "00", "-01", ".5", "1.e5", "1e+", "1-2", "1..2", "1e5e5", "--1", "1.5.5"})
    void rejectsMalformedNumbers(String text) {
        assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
    }

    @Test
    void quoteRoundTrips() {
        String s = "a\"b\\c\nd\u0002é";
        assertEquals(s, Json.parse(Json.quote(s)));
    }
}
