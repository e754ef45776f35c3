package dev.lanyard.common.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardsTest {
    @ParameterizedTest(name = "{0} ~ {1}: {2} (with ?: {3})")
    @CsvSource({
        "/svc/*, /svc/a/b, true, true",
        "/svc/*, /svc, false, false",
        "/svc/*/db, /svc/a/b/db, true, true",
        "*, '', true, true",
        "'', '', true, true",
        "'', x, false, false",
        "a*b*c, axxbyyc, true, true",
        "a*b*c, axxbyy, false, false",
        "*.example.com, api.example.com, true, true",
        "*.example.com, example.com, false, false",
        "s3:Get?bject, s3:GetObject, false, true",
        "s3:Get?bject, s3:Get?bject, true, true",
        "a?, ab, false, true",
        "a?, a, false, false",
        "**a, a, true, true",
        "*x, *ax, true, true",
    })
    void table(String pattern, String value, boolean starOnly, boolean withQuestionMark) {
        assertEquals(starOnly, Wildcards.matches(pattern, value));
        assertEquals(withQuestionMark, Wildcards.matches(pattern, value, true));
    }
}
