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

    @Test
    void quoteRoundTrips() {
        String s = "a\"b\\c\nd\u0002é";
        assertEquals(s, Json.parse(Json.quote(s)));
    }
}
