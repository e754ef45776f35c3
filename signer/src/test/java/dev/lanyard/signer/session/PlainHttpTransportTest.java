package dev.lanyard.signer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.lanyard.signer.sigv4.CanonicalHeaders;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainHttpTransportTest {
    @Test
    void requestHeadCarriesTheSignedHostPathQueryAndLength() {
        String head = PlainHttpTransport.head(URI.create("http://127.0.0.1:8443/prefix/sessions?a=1&b=%2F"), "127.0.0.1:8443",
                List.of(new CanonicalHeaders.Header("X-Amz-Date", "20261125T000000Z")), 12, "lanyard-signer/1");
        assertEquals("POST /prefix/sessions?a=1&b=%2F HTTP/1.1\r\nHost: 127.0.0.1:8443\r\nUser-Agent: lanyard-signer/1\r\n"
                + "X-Amz-Date: 20261125T000000Z\r\nContent-Length: 12\r\nConnection: close\r\n\r\n", head);
    }
}
