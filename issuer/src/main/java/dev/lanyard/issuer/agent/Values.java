package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.client.CaPinVerifier;
import dev.lanyard.common.spiffe.SpiffeId;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.issuer.wire.Durations;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** Checks of single configuration values; shared by the YAML reader and the flags. */
final class Values {
    private static final Pattern DNS = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,62})"
            + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
    private static final TrustDomain PLACEHOLDER = new TrustDomain("placeholder");

    private Values() {
    }

    /** Runs a check, re-throwing its failure with the node's line and path. */
    static <T> T at(YamlNode node, Supplier<T> check) {
        try {
            return check.get();
        } catch (LanyardException e) {
            String m = e.getMessage();
            int colon = m.indexOf(": ");
            throw node.invalid(colon >= 0 ? m.substring(colon + 2) : m);
        }
    }

    static Duration duration(YamlNode node) {
        return at(node, () -> Durations.parse(node.text(), node.path()));
    }

    static String pin(YamlNode node) {
        return at(node, () -> pin(node.text(), "ca pin"));
    }

    static String pin(String text, String what) {
        String p = text.toLowerCase(Locale.ROOT);
        if (!CaPinVerifier.isPin(p)) {
            throw new LanyardException(Failure.INVALID_INPUT, what + ": '" + text
                    + "' is not a CA pin; use sha256:<64 hex digits> as printed by lanyard ctl status");
        }
        return p;
    }

    static String svidPath(YamlNode node) {
        return at(node, () -> svidPath(node.text(), "svid path"));
    }

    static String svidPath(String path, String what) {
        try {
            SpiffeId.fromPath(PLACEHOLDER, path);
            return path;
        } catch (LanyardException e) {
            throw new LanyardException(Failure.INVALID_INPUT, what + ": '" + path
                    + "' is not a SPIFFE path such as /svc/example-service (" + e.getMessage() + ")");
        }
    }

    static List<String> dnsNames(YamlNode node) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : node.sequence()) {
            out.add(at(n, () -> dnsName(n.text(), "dns san")));
        }
        return out;
    }

    /** {@code --dns-san} values: each checked as {@code svid.sans.dns} entries are. */
    static List<String> dnsNames(List<String> names, String what) {
        return names.stream().map(n -> dnsName(n, what)).toList();
    }

    static String dnsName(String text, String what) {
        if (!DNS.matcher(text).matches()) {
            throw new LanyardException(Failure.INVALID_INPUT, what + ": '" + text + "' is not a DNS name");
        }
        return text;
    }

    static List<String> ips(YamlNode node) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : node.sequence()) {
            out.add(at(n, () -> ip(n.text(), "ip san")));
        }
        return out;
    }

    /** {@code --ip-san} values: each checked (and written in its canonical form) as {@code svid.sans.ip} entries are. */
    static List<String> ips(List<String> ips, String what) {
        return ips.stream().map(ip -> ip(ip, what)).toList();
    }

    static String ip(String text, String what) {
        if (text.matches("[0-9.]+") || text.contains(":")) {
            try {
                return InetAddress.ofLiteral(text).getHostAddress();
            } catch (IllegalArgumentException e) {
                // refused below
            }
        }
        throw new LanyardException(Failure.INVALID_INPUT, what + ": '" + text + "' is not an IP address");
    }
}
