package dev.lanyard.issuer.server.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One row per rule: {@code *} matches any run (also empty, also across {@code /}); the rest is literal. */
class GlobTest {
    @ParameterizedTest(name = "{0} ~ {1} -> {2}")
    @CsvSource({
            "/svc/*, /svc/web, true",
            "/svc/*, /svc/, true",
            "/svc/*, /svc, false",
            "/svc/*, /svc/a/b, true",
            "*, '', true",
            "'', '', true",
            "'', x, false",
            "/svc/web, /svc/web, true",
            "/svc/web, /svc/webx, false",
            "/svc/*/db, /svc/a/b/db, true",
            "/svc/*/db, /svc/a/b/dbx, false",
            "*.example.com, a.b.example.com, true",
            "*.example.com, example.com, false",
            "a*b*c, abc, true",
            "a*b*c, axxbyyc, true",
            "a*b*c, axxbyy, false",
            "a**, a, true",
            "/s.c/?, /s.c/?, true",
            "/s.c/?, /sxc/a, false",
            "*a*a*a, aaaa, true",
            "*a*a*a, aaba, true",
            "*a*a*a, aab, false"
    })
    void matchesAsTheRuleSays(String glob, String value, boolean expected) {
        assertEquals(expected, Glob.matches(glob, value));
    }
}
