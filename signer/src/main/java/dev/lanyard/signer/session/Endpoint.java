package dev.lanyard.signer.session;

import dev.lanyard.common.aws.Region;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Where CreateSession goes. As in the reference helper (aws-sdk-go-v2 rules):
 * {@code AWS_ENDPOINT_URL_ROLESANYWHERE} overrides {@code --endpoint}; otherwise
 * {@code rolesanywhere[-fips].REGION.amazonaws.com}, the FIPS host when {@code --use-fips-endpoint},
 * {@code AWS_USE_FIPS_ENDPOINT=true} or a FIPS microformat region asks for it.
 *
 * @param base  scheme, host, port and optional path prefix
 * @param url   the full CreateSession URL without query
 * @param host  the {@code Host} header the JDK HTTP client sends for {@code url}
 */
public record Endpoint(URI base, URI url, String host) {

    public static Endpoint resolve(String flag, Map<String, String> env, Region region, boolean useFips) {
        String override = env.get("AWS_ENDPOINT_URL_ROLESANYWHERE");
        String chosen = override != null && !override.isBlank() ? override.trim()
                : flag != null && !flag.isBlank() ? flag.trim() : null;
        if (chosen != null) {
            return of(chosen, override != null && !override.isBlank() ? "AWS_ENDPOINT_URL_ROLESANYWHERE" : "--endpoint");
        }
        boolean fips = useFips || region.fips() || "true".equalsIgnoreCase(env.getOrDefault("AWS_USE_FIPS_ENDPOINT", ""));
        return of("https://" + region.withFips(fips).rolesAnywhereHost(), "region");
    }

    static Endpoint of(String text, String source) {
        String withScheme = text.contains("://") ? text : "https://" + text;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw invalid(source, text, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw invalid(source, text, "use an https:// (or http:// for a local emulator) URL");
        }
        if (uri.getHost() == null) {
            throw invalid(source, text, "it has no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(source, text, "it must not have a query or fragment");
        }
        String prefix = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (prefix.endsWith("/")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        String path = URI.create(prefix + "/sessions").normalize().getRawPath();
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        String host = defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
        String authority = uri.getHost() + (port == -1 ? "" : ":" + port);
        URI base = URI.create(scheme + "://" + authority + prefix);
        return new Endpoint(base, URI.create(scheme + "://" + authority + path), host);
    }

    /** The path that is signed and sent. */
    public String path() {
        return url.getRawPath();
    }

    private static LanyardException invalid(String source, String text, String why) {
        return new LanyardException(Failure.INVALID_INPUT, source + " \"" + text + "\" is not a usable endpoint: " + why);
    }

    @Override
    public String toString() {
        return base.toString();
    }
}
