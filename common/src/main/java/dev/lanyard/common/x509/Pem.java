package dev.lanyard.common.x509;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** PEM encoding and decoding (RFC 7468), tolerant of text around the blocks. */
public final class Pem {
    /** One PEM block: its label (e.g. {@code CERTIFICATE}) and decoded bytes. */
    public record Block(String label, byte[] der) {
    }

    /** Base64 in 64-character lines separated (not ended) by a newline. */
    private static final Base64.Encoder LINES = Base64.getMimeEncoder(64, new byte[] {'\n'});

    private Pem() {
    }

    public static boolean looksLikePem(byte[] data) {
        return new String(data, 0, Math.min(data.length, 64 * 1024), StandardCharsets.ISO_8859_1)
                .contains("-----BEGIN ");
    }

    /** Every block in the text, in order. Throws IllegalArgumentException on a broken block. */
    public static List<Block> decode(String text) {
        List<Block> blocks = new ArrayList<>();
        int pos = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", pos);
            if (begin < 0) {
                return blocks;
            }
            int labelEnd = text.indexOf("-----", begin + 11);
            if (labelEnd < 0) {
                throw new IllegalArgumentException("unterminated PEM header");
            }
            String label = text.substring(begin + 11, labelEnd);
            String footer = "-----END " + label + "-----";
            int end = text.indexOf(footer, labelEnd + 5);
            if (end < 0) {
                throw new IllegalArgumentException("PEM block \"" + label + "\" has no END line");
            }
            String body = text.substring(labelEnd + 5, end);
            if (body.contains("Proc-Type:")) {
                throw new IllegalArgumentException("legacy encrypted PEM (Proc-Type header) is not supported;"
                        + " convert it with: openssl pkcs8 -topk8");
            }
            StringBuilder b64 = new StringBuilder(body.length());
            for (int i = 0; i < body.length(); i++) {
                char c = body.charAt(i);
                if (!Character.isWhitespace(c)) {
                    b64.append(c);
                }
            }
            try {
                blocks.add(new Block(label, Base64.getDecoder().decode(b64.toString())));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("PEM block \"" + label + "\" is not valid base64");
            }
            pos = end + footer.length();
        }
    }

    /** PEM text: the BEGIN line, base64 in 64-character lines, the END line, each ending in a newline. */
    public static String encode(String label, byte[] der) {
        byte[] begin = ("-----BEGIN " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] end = ("-----END " + label + "-----\n").getBytes(StandardCharsets.US_ASCII);
        byte[] body = LINES.encode(der);
        int bodyEnd = body.length == 0 ? 0 : body.length + 1;
        byte[] out = new byte[begin.length + bodyEnd + end.length];
        System.arraycopy(begin, 0, out, 0, begin.length);
        System.arraycopy(body, 0, out, begin.length, body.length);
        if (body.length > 0) {
            out[begin.length + body.length] = '\n';
        }
        System.arraycopy(end, 0, out, begin.length + bodyEnd, end.length);
        return new String(out, StandardCharsets.US_ASCII);
    }
}
