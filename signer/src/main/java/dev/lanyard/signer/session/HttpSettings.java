package dev.lanyard.signer.session;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.InputFiles;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.signer.crypto.CryptoProviders;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * How the HTTP client is built: TLS 1.2+ trusting {@code AWS_CA_BUNDLE} (or the JDK's roots), or
 * nothing with {@code --no-verify-ssl}; proxies from the environment; HTTP/1.1.
 */
public record HttpSettings(boolean noVerifySsl, Map<String, String> env, Duration connectTimeout) {

    /** Whether {@code url} is reached over a plain socket: {@code http://} and no proxy from the environment. */
    public boolean plainSocket(java.net.URI url) {
        return "http".equalsIgnoreCase(url.getScheme()) && EnvProxySelector.fromEnvironment(env) == null;
    }

    /** A transport for {@code url}: a plain socket when {@link #plainSocket}, else the JDK HTTP client. */
    public HttpTransport newTransport(CryptoProviders providers, java.net.URI url, Duration requestTimeout) {
        if (plainSocket(url)) {
            return new PlainHttpTransport(connectTimeout, requestTimeout);
        }
        return new JdkHttpTransport(newClient(providers, url.getScheme().equalsIgnoreCase("https")), requestTimeout);
    }

    public HttpClient newClient(CryptoProviders providers, boolean tls) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newCachedThreadPool(providers.threadFactory()));
        EnvProxySelector proxy = EnvProxySelector.fromEnvironment(env);
        if (proxy != null) {
            b.proxy(proxy);
        }
        SSLParameters params = new SSLParameters();
        if (tls) {
            b.sslContext(sslContext(providers));
            params.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        } else {
            b.sslContext(new PlaintextOnlyTls());
        }
        b.sslParameters(params);
        return b.build();
    }

    SSLContext sslContext(CryptoProviders providers) {
        if (noVerifySsl) {
            return providers.insecureTlsContext();
        }
        String bundle = env.get("AWS_CA_BUNDLE");
        if (bundle == null || bundle.isBlank()) {
            return providers.tlsContext(null);
        }
        return providers.tlsContext(trustStore(Path.of(bundle.trim())));
    }

    static KeyStore trustStore(Path bundle) {
        List<X509Certificate> certs = Certificates.parseAll(InputFiles.read(bundle), "AWS_CA_BUNDLE " + bundle);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : certs) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            return ks;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new LanyardException(Failure.FILE, "AWS_CA_BUNDLE " + bundle + ": cannot be used as a trust store ("
                    + e.getMessage() + ")", e);
        }
    }
}
