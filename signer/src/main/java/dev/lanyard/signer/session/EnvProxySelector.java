package dev.lanyard.signer.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Proxies from the environment as the AWS CLI reads them: {@code HTTPS_PROXY} for https endpoints,
 * {@code HTTP_PROXY} for http ones (lower-case names win, as in curl and Python), bypassed for hosts
 * listed in {@code NO_PROXY} (comma-separated; {@code *} for all; {@code example.com} and
 * {@code .example.com} match the domain and its subdomains; an optional {@code :port}).
 */
public final class EnvProxySelector extends ProxySelector {
    private final URI https;
    private final URI http;
    private final List<String> noProxy;

    private EnvProxySelector(URI https, URI http, List<String> noProxy) {
        this.https = https;
        this.http = http;
        this.noProxy = noProxy;
    }

    /** The selector for this environment, or null when no proxy variable is set. */
    public static EnvProxySelector fromEnvironment(Map<String, String> env) {
        URI https = proxyUri(first(env, "https_proxy", "HTTPS_PROXY"));
        URI http = proxyUri(first(env, "http_proxy", "HTTP_PROXY"));
        if (https == null && http == null) {
            return null;
        }
        List<String> no = new ArrayList<>();
        String list = first(env, "no_proxy", "NO_PROXY");
        if (list != null) {
            for (String entry : list.split(",")) {
                String e = entry.trim().toLowerCase(Locale.ROOT);
                if (!e.isEmpty()) {
                    no.add(e);
                }
            }
        }
        return new EnvProxySelector(https, http, List.copyOf(no));
    }

    @Override
    public List<Proxy> select(URI uri) {
        URI proxy = "https".equalsIgnoreCase(uri.getScheme()) ? https : http;
        if (proxy == null || bypassed(uri.getHost(), uri.getPort())) {
            return List.of(Proxy.NO_PROXY);
        }
        int port = proxy.getPort() != -1 ? proxy.getPort() : "https".equalsIgnoreCase(proxy.getScheme()) ? 443 : 80;
        return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.getHost(), port)));
    }

    boolean bypassed(String host, int port) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (String entry : noProxy) {
            if (entry.equals("*")) {
                return true;
            }
            String name = entry;
            int colon = entry.lastIndexOf(':');
            if (colon > 0 && entry.indexOf(':') == colon && entry.substring(colon + 1).matches("[0-9]+")) {
                if (port != -1 && Integer.parseInt(entry.substring(colon + 1)) != port) {
                    continue;
                }
                name = entry.substring(0, colon);
            }
            String domain = name.startsWith(".") ? name.substring(1) : name;
            if (h.equals(domain) || h.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        // nothing to remember: a one-shot process
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    private static URI proxyUri(String value) {
        if (value == null) {
            return null;
        }
        URI uri = URI.create(value.contains("://") ? value : "http://" + value);
        return uri.getHost() == null ? null : uri;
    }
}
