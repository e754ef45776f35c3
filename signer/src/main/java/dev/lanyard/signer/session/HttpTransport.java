package dev.lanyard.signer.session;

import dev.lanyard.signer.sigv4.CanonicalHeaders;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * One HTTP/1.1 POST and its reply: the JDK HTTP client ({@link JdkHttpTransport}: TLS, proxies), or a
 * plain socket for {@code http://} endpoints without a proxy ({@link PlainHttpTransport}: the one-shot
 * path on loopback, without the HTTP client's start-up cost). Closing it releases its threads.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * POSTs {@code body} to {@code uri} (path and query) with {@code headers}; {@code host} is the
     * {@code Host} header that was signed.
     */
    HttpReply post(URI uri, String host, List<CanonicalHeaders.Header> headers, byte[] body, String userAgent)
            throws IOException, InterruptedException;

    @Override
    void close();
}
