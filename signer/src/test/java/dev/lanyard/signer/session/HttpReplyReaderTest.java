package dev.lanyard.signer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpReplyReaderTest {
    private static HttpReply read(String raw) throws IOException {
        return HttpReplyReader.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsAContentLengthBodyAndTheErrorType() throws IOException {
        HttpReply r = read("HTTP/1.1 403 Forbidden\r\nX-Amzn-ErrorType: AccessDeniedException\r\nContent-Length: 15\r\n\r\n"
                + "{\"message\":\"é\"}extra");
        assertEquals(403, r.status());
        assertEquals("AccessDeniedException", r.errorType());
        assertEquals("{\"message\":\"é\"", r.body(), "exactly Content-Length bytes, UTF-8");
    }

    @Test
    void readsAChunkedBodyWithExtensionsAndTrailers() throws IOException {
        HttpReply r = read("HTTP/1.1 201 Created\r\ntransfer-encoding: chunked\r\n\r\n"
                + "5;x=y\r\n{\"a\":\r\n3\r\n\"b\"\r\n1\r\n}\r\n0\r\nTrailer: t\r\n\r\n");
        assertEquals(201, r.status());
        assertNull(r.errorType());
        assertEquals("{\"a\":\"b\"}", r.body());
    }

    @Test
    void skipsInterimRepliesAndReadsToTheEndWithoutALength() throws IOException {
        HttpReply r = read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 500 Internal Server Error\nServer: x\n\nboom");
        assertEquals(500, r.status());
        assertEquals("boom", r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "SMTP/1.0 220 hi\r\n\r\n", "HTTP/1.1 2x0 OK\r\n\r\n", "HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd"})
    void rejectsMalformedReplies(String raw) {
        assertThrows(ProtocolException.class, () -> read(raw));
    }
}
