import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/** One client of {@link IssuanceBench}: one thread, one keep-alive mTLS connection, requests back to back. */
final class LoadClient {
    final SSLContext tls;
    final String host;
    final int port;
    final List<byte[]> requests;
    final int index;
    long[] latencies = new long[4096];
    int count;
    long errors;
    long reconnects;
    String firstError;
    SSLSocket socket;
    InputStream in;
    OutputStream out;

    LoadClient(SSLContext tls, String host, int port, List<byte[]> requests, int index) {
        this.tls = tls;
        this.host = host;
        this.port = port;
        this.requests = requests;
        this.index = index;
    }

    void connect() throws IOException {
        socket = (SSLSocket) tls.getSocketFactory().createSocket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(30_000);
        socket.startHandshake();
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = socket.getOutputStream();
    }

    void loop(long from, long to) {
        int next = index * 7919;
        while (true) {
            long start = System.nanoTime();
            if (start >= to) {
                return;
            }
            byte[] req = requests.get(Math.floorMod(next++, requests.size()));
            try {
                if (socket == null) {
                    connect();
                    reconnects++;
                }
                out.write(req);
                out.flush();
                HttpResponse r = HttpResponse.read(in);
                long end = System.nanoTime();
                if (r.closes()) {
                    close();
                }
                if (r.status() != 200) {
                    error("HTTP " + r.status() + ": " + new String(r.body(), StandardCharsets.UTF_8));
                } else if (start >= from && end <= to) {
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = end - start;
                }
            } catch (IOException | RuntimeException e) {
                error(e.toString());
                close();
            }
        }
    }

    private void error(String message) {
        errors++;
        if (firstError == null) {
            firstError = message.length() > 300 ? message.substring(0, 300) + "..." : message;
        }
    }

    void close() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException ignored) {
            // closing after an error or at the end: nothing to do
        }
        socket = null;
    }
}
