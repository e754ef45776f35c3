package dev.lanyard.emulator.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Sends exact bytes over a socket (the recorded Host header included) and reads the whole response. */
public final class RawHttp {
    /** Status line code, raw header block and body. */
    public record Response(int status, String head, String body) {
    }

    private RawHttp() {
    }

    public static Response send(int port, String method, String pathAndQuery, List<Map.Entry<String, String>> headers, byte[] body) {
        StringBuilder sb = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\n");
        boolean host = false;
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase("transfer-encoding") || h.getKey().equalsIgnoreCase("content-length")) {
                continue;
            }
            host |= h.getKey().equalsIgnoreCase("host");
            sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (!host) {
            sb.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        sb.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
        try (Socket s = new Socket("127.0.0.1", port)) {
            OutputStream out = s.getOutputStream();
            out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String rest = split < 0 ? "" : text.substring(split + 4);
            return new Response(Integer.parseInt(head.substring(9, 12)), head, rest);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
