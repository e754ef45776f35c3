package dev.lanyard.signer.session;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one HTTP/1.1 reply: status line, headers (interim 1xx replies skipped), and a body delimited
 * by {@code Content-Length}, {@code Transfer-Encoding: chunked} or the end of the connection.
 */
final class HttpReplyReader {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_BODY = 4 * 1024 * 1024;

    private HttpReplyReader() {
    }

    static HttpReply read(InputStream in) throws IOException {
        while (true) {
            String statusLine = line(in);
            if (statusLine == null) {
                throw new ProtocolException("the connection closed before a reply");
            }
            int status = status(statusLine);
            long length = -1;
            boolean chunked = false;
            String errorType = null;
            for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
                int colon = h.indexOf(':');
                if (colon <= 0) {
                    throw new ProtocolException("malformed header line in the reply");
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    length = contentLength(value);
                } else if (name.equalsIgnoreCase("transfer-encoding")) {
                    chunked = value.toLowerCase(java.util.Locale.ROOT).endsWith("chunked");
                } else if (name.equalsIgnoreCase("x-amzn-errortype") && errorType == null) {
                    errorType = value;
                }
            }
            if (status / 100 == 1) {
                continue;
            }
            byte[] body = status == 204 || status == 304 ? new byte[0]
                    : chunked ? chunked(in) : length >= 0 ? exactly(in, length) : untilEnd(in);
            return new HttpReply(status, errorType, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static int status(String line) throws ProtocolException {
        if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
            throw new ProtocolException("not an HTTP/1.x status line");
        }
        int status = 0;
        for (int i = 9; i < 12; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                throw new ProtocolException("not an HTTP/1.x status line");
            }
            status = status * 10 + (c - '0');
        }
        return status;
    }

    private static long contentLength(String value) throws ProtocolException {
        if (value.isEmpty() || value.length() > 10) {
            throw new ProtocolException("bad Content-Length in the reply");
        }
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw new ProtocolException("bad Content-Length in the reply");
            }
            n = n * 10 + (c - '0');
        }
        if (n > MAX_BODY) {
            throw new ProtocolException("the reply body is too large");
        }
        return n;
    }

    private static byte[] exactly(InputStream in, long length) throws IOException {
        byte[] body = in.readNBytes((int) length);
        if (body.length != length) {
            throw new ProtocolException("the connection closed in the middle of the reply body");
        }
        return body;
    }

    private static byte[] untilEnd(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new ProtocolException("the reply body is too large");
        }
        return body;
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            if (size == null) {
                throw new ProtocolException("the connection closed in the middle of a chunked reply");
            }
            int semicolon = size.indexOf(';');
            long n = hex(semicolon >= 0 ? size.substring(0, semicolon).trim() : size.trim());
            if (n == 0) {
                for (String trailer = line(in); trailer != null && !trailer.isEmpty(); trailer = line(in)) {
                    // trailers are not used
                }
                return out.toByteArray();
            }
            if (out.size() + n > MAX_BODY) {
                throw new ProtocolException("the reply body is too large");
            }
            out.write(exactly(in, n));
            String end = line(in);
            if (end == null || !end.isEmpty()) {
                throw new ProtocolException("malformed chunk in the reply");
            }
        }
    }

    private static long hex(String s) throws ProtocolException {
        if (s.isEmpty() || s.length() > 8) {
            throw new ProtocolException("bad chunk size in the reply");
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                throw new ProtocolException("bad chunk size in the reply");
            }
            n = n * 16 + d;
        }
        return n;
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1, without the terminator; null at the end of input. */
    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int n = sb.length();
                if (n > 0 && sb.charAt(n - 1) == '\r') {
                    sb.setLength(n - 1);
                }
                return sb.toString();
            }
            if (sb.length() >= MAX_LINE) {
                throw new ProtocolException("a reply line is too long");
            }
            sb.append((char) c);
        }
        return sb.isEmpty() ? null : sb.toString();
    }
}
