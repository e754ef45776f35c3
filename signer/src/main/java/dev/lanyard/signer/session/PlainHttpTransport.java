package dev.lanyard.signer.session;

import dev.lanyard.signer.sigv4.CanonicalHeaders;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * {@link HttpTransport} for {@code http://} endpoints reached directly: one HTTP/1.1 request per
 * connection ({@code Connection: close}) on a plain socket, in the calling thread. No selector thread,
 * no executor, no TLS set-up: on the one-shot path this costs a connect instead of the JDK HTTP
 * client's construction. The reply is read by {@link HttpReplyReader}.
 */
public final class PlainHttpTransport implements HttpTransport {
    private final Duration connectTimeout;
    private final Duration readTimeout;

    public PlainHttpTransport(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    @Override
    public HttpReply post(URI uri, String host, List<CanonicalHeaders.Header> headers, byte[] body, String userAgent)
            throws IOException {
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("PlainHttpTransport is for http:// only: " + uri);
        }
        int port = uri.getPort() == -1 ? 80 : uri.getPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), millis(connectTimeout));
            socket.setSoTimeout(millis(readTimeout));
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(head(uri, host, headers, body.length, userAgent).getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            return HttpReplyReader.read(in);
        }
    }

    static String head(URI uri, String host, List<CanonicalHeaders.Header> headers, int length, String userAgent) {
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target = target + "?" + uri.getRawQuery();
        }
        StringBuilder sb = new StringBuilder(512);
        sb.append("POST ").append(target).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(host).append("\r\n");
        sb.append("User-Agent: ").append(userAgent).append("\r\n");
        for (CanonicalHeaders.Header h : headers) {
            sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        sb.append("Content-Length: ").append(length).append("\r\n");
        sb.append("Connection: close\r\n\r\n");
        return sb.toString();
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    @Override
    public void close() {
        // one connection per request, closed after the reply: nothing left open
    }
}
