package dev.lanyard.issuer.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanyard.common.x509.Certificates;
import dev.lanyard.issuer.cli.IssuerTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1/svid} outside the REST pipeline answers refusals exactly as the REST resources do:
 * the status, and an error body with the failure kind and its exit code. (Issuance itself over HTTP is
 * covered by the CLI tests: {@code svid issue}, malformed bodies.)
 */
@QuarkusTest
@WithTestResource(IssuerTestResource.class)
class SvidRouteTest {
    private static final String BODY = "{\"spiffe_path\":\"/svc/x\",\"public_key\":\"x\"}";

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        Path dataDir = Path.of(ConfigProvider.getConfig().getValue("lanyard.data-dir", String.class));
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (X509Certificate ca : Certificates.parseAll(Files.readAllBytes(dataDir.resolve("ca/host-ca.pem")),
                "host CA")) {
            trust.setCertificateEntry("ca" + i++, ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        String addr = Files.readString(dataDir.resolve("issuer.addr")).strip();
        try (HttpClient http = HttpClient.newBuilder().sslContext(tls).build()) {
            return http.send(HttpRequest.newBuilder(URI.create("https://" + addr + "/v1/svid"))
                    .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                r.headers().toString());
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void withoutAClientIdentityTheAnswerIsDenied() throws Exception {
        HttpResponse<String> r = post("application/json", BODY);
        assertEquals(403, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals("DENIED", body.get("error").asText());
        assertEquals(7, body.get("exit_code").asInt());
        assertTrue(body.get("message").asText().startsWith("this request needs a client identity"), r.body());
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWithItsKind() throws Exception {
        HttpResponse<String> r = post("text/plain", BODY);
        assertEquals(415, r.statusCode(), r.body());
        assertEquals("USAGE", json(r).get("error").asText());

        HttpResponse<String> malformed = post("application/json", "{\"spiffe_path\": [");
        assertEquals(400, malformed.statusCode(), malformed.body());
        JsonNode body = json(malformed);
        assertEquals("INVALID_INPUT", body.get("error").asText());
        assertTrue(body.get("message").asText().startsWith("malformed request body"), malformed.body());
    }
}
