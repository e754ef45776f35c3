package dev.lanyard.emulator.api;

import java.util.UUID;

/** Small builder for awsQuery XML responses. */
public final class Xml {
    private final StringBuilder sb = new StringBuilder();

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public Xml open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    public Xml close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    public Xml leaf(String name, Object value) {
        if (value != null) {
            sb.append('<').append(name).append('>').append(escape(String.valueOf(value))).append("</").append(name).append('>');
        }
        return this;
    }

    public Xml raw(String xml) {
        sb.append(xml);
        return this;
    }

    /** {@code <ActionResponse xmlns=ns><ActionResult>body</ActionResult><ResponseMetadata>...}. */
    public static String response(String action, String namespace, String resultBody) {
        Xml x = new Xml().raw("<" + action + "Response xmlns=\"" + namespace + "\">");
        if (resultBody != null) {
            x.open(action + "Result").raw(resultBody).close(action + "Result");
        }
        return x.open("ResponseMetadata").leaf("RequestId", UUID.randomUUID()).close("ResponseMetadata")
                .close(action + "Response").toString();
    }

    public static String error(String namespace, String code, String message) {
        return new Xml().raw("<ErrorResponse xmlns=\"" + namespace + "\">").open("Error").leaf("Type", "Sender")
                .leaf("Code", code).leaf("Message", message).close("Error").leaf("RequestId", UUID.randomUUID())
                .close("ErrorResponse").toString();
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
