package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.LanyardException;
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
    static final Pattern PIN = Pattern.compile("sha256:[0-9a-f]{64}");
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
        if (!PIN.matcher(p).matches()) {
            throw new LanyardException(dev.lanyard.common.error.Failure.INVALID_INPUT, what + ": '" + text
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
            throw new LanyardException(dev.lanyard.common.error.Failure.INVALID_INPUT, what + ": '" + path
                    + "' is not a SPIFFE path such as /svc/example-service (" + e.getMessage() + ")");
        }
    }

    static List<String> dnsNames(YamlNode node) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : node.sequence()) {
            if (!DNS.matcher(n.text()).matches()) {
                throw n.invalid("'" + n.text() + "' is not a DNS name");
            }
            out.add(n.text());
        }
        return out;
    }

    static List<String> ips(YamlNode node) {
        List<String> out = new ArrayList<>();
        for (YamlNode n : node.sequence()) {
            out.add(ip(n));
        }
        return out;
    }

    private static String ip(YamlNode n) {
        String t = n.text();
        if (!(t.matches("[0-9.]+") || t.contains(":"))) {
            throw n.invalid("'" + t + "' is not an IP address");
        }
        try {
            return InetAddress.ofLiteral(t).getHostAddress();
        } catch (IllegalArgumentException e) {
            throw n.invalid("'" + t + "' is not an IP address");
        }
    }
}
