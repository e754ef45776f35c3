package dev.lanyard.signer.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.session.Credentials;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The rewrite table: one row per case, the whole file before and after. */
class CredentialsFileTextTest {
    private static final Credentials C = new Credentials("ASIANEW", "newsecret", "newtoken", "2026-01-01T01:00:00Z");
    private static final String KEYS = "aws_access_key_id = ASIANEW\naws_secret_access_key = newsecret\naws_session_token = newtoken\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("new file", "", "work", "[work]\n" + KEYS),
                Arguments.of("profile missing: appended after a blank line",
                        "[default]\naws_access_key_id = AKIAOLD\n",
                        "work",
                        "[default]\naws_access_key_id = AKIAOLD\n\n[work]\n" + KEYS),
                Arguments.of("file without final newline",
                        "[default]\nregion = x",
                        "work",
                        "[default]\nregion = x\n\n[work]\n" + KEYS),
                Arguments.of("existing profile: keys replaced in place, other keys and comments kept",
                        "# my creds\n[work]\n; note\naws_access_key_id=OLD\nregion = eu-west-1\nAWS_SECRET_ACCESS_KEY = old\n"
                                + "aws_session_token = oldtoken\n\n[other]\naws_access_key_id = KEEP\n",
                        "work",
                        "# my creds\n[work]\n; note\naws_access_key_id = ASIANEW\nregion = eu-west-1\n"
                                + "aws_secret_access_key = newsecret\naws_session_token = newtoken\n\n[other]\n"
                                + "aws_access_key_id = KEEP\n"),
                Arguments.of("missing keys added after the section's last line, before the blank line",
                        "[work]\naws_access_key_id = OLD\n# trailing comment\n\n[z]\nk = v\n",
                        "work",
                        "[work]\naws_access_key_id = ASIANEW\n# trailing comment\naws_secret_access_key = newsecret\n"
                                + "aws_session_token = newtoken\n\n[z]\nk = v\n"),
                Arguments.of("profile last in the file, no final newline",
                        "[a]\nk = v\n[work]\nregion = r",
                        "work",
                        "[a]\nk = v\n[work]\nregion = r\n" + KEYS),
                Arguments.of("section headers with spaces and comments match",
                        "[ work ] # mine\naws_session_token = old\n",
                        "work",
                        "[ work ] # mine\naws_session_token = newtoken\naws_access_key_id = ASIANEW\n"
                                + "aws_secret_access_key = newsecret\n"),
                Arguments.of("a similar profile name is another profile",
                        "[work-2]\naws_access_key_id = KEEP\n",
                        "work",
                        "[work-2]\naws_access_key_id = KEEP\n\n[work]\n" + KEYS),
                Arguments.of("CRLF lines keep their CR",
                        "[work]\r\naws_access_key_id = OLD\r\nregion = r\r\n",
                        "work",
                        "[work]\r\naws_access_key_id = ASIANEW\r\nregion = r\r\naws_secret_access_key = newsecret\r\n"
                                + "aws_session_token = newtoken\r\n"),
                Arguments.of("only the first section of that name is rewritten",
                        "[work]\naws_access_key_id = A\n[work]\naws_access_key_id = B\n",
                        "work",
                        "[work]\naws_access_key_id = ASIANEW\naws_secret_access_key = newsecret\n"
                                + "aws_session_token = newtoken\n[work]\naws_access_key_id = B\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rewrite(String name, String before, String profile, String after) {
        assertEquals(after, CredentialsFileText.rewrite(before, profile, C));
    }

    @ParameterizedTest(name = "profile \"{0}\" is refused")
    @ValueSource(strings = {"", " work", "a]b", "a[b", "x#y", "x;y", "a\nb"})
    void badProfileNames(String profile) {
        LanyardException e = assertThrows(LanyardException.class, () -> CredentialsFileText.rewrite("", profile, C));
        assertEquals(Failure.USAGE, e.failure());
    }
}
