package dev.lanyard.signer.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lanyard.common.aws.Region;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Endpoint resolution, proxy selection and AWS error lines as decision tables. */
class SessionPiecesTest {

    @ParameterizedTest(name = "[{index}] flag={0} env={1} region={2} fips={3} -> {4} host {5} path {6}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-|-|us-east-1|false|https://rolesanywhere.us-east-1.amazonaws.com/sessions|rolesanywhere.us-east-1.amazonaws.com|/sessions",
            "-|-|us-east-1|true|https://rolesanywhere-fips.us-east-1.amazonaws.com/sessions|rolesanywhere-fips.us-east-1.amazonaws.com|/sessions",
            "-|-|fips-us-west-2|false|https://rolesanywhere-fips.us-west-2.amazonaws.com/sessions|rolesanywhere-fips.us-west-2.amazonaws.com|/sessions",
            "-|-|cn-north-1|false|https://rolesanywhere.cn-north-1.amazonaws.com.cn/sessions|rolesanywhere.cn-north-1.amazonaws.com.cn|/sessions",
            "http://127.0.0.1:18443|-|us-east-1|false|http://127.0.0.1:18443/sessions|127.0.0.1:18443|/sessions",
            "https://ra.example:443/prefix/|-|us-east-1|false|https://ra.example:443/prefix/sessions|ra.example|/prefix/sessions",
            "ra.example|-|us-east-1|false|https://ra.example/sessions|ra.example|/sessions",
            "http://flag:1|http://env:2|us-east-1|false|http://env:2/sessions|env:2|/sessions",
            "-|http://[::1]:9000|us-east-1|true|http://[::1]:9000/sessions|[::1]:9000|/sessions",
    })
    void endpointResolution(String flag, String env, String region, boolean fips, String url, String host, String path) {
        Map<String, String> e = env == null ? Map.of() : Map.of("AWS_ENDPOINT_URL_ROLESANYWHERE", env);
        Endpoint ep = Endpoint.resolve(flag, e, Region.parse(region), fips);
        assertEquals(url, ep.url().toString());
        assertEquals(host, ep.host());
        assertEquals(path, ep.path());
    }

    @Test
    void fipsFromTheEnvironment() {
        Endpoint ep = Endpoint.resolve(null, Map.of("AWS_USE_FIPS_ENDPOINT", "true"), Region.parse("us-east-2"), false);
        assertEquals("rolesanywhere-fips.us-east-2.amazonaws.com", ep.host());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"ftp://x", "http://", "https://h/p?q=1"})
    void badEndpoints(String text) {
        LanyardException e = assertThrows(LanyardException.class, () -> Endpoint.resolve(text, Map.of(), Region.parse("us-east-1"), false));
        assertEquals(Failure.INVALID_INPUT, e.failure());
        assertTrue(e.getMessage().startsWith("--endpoint \"" + text + "\" is not a usable endpoint"), e.getMessage());
    }

    @ParameterizedTest(name = "[{index}] {0} via NO_PROXY={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "https://rolesanywhere.us-east-1.amazonaws.com|-|proxy.corp:3128",
            "https://rolesanywhere.us-east-1.amazonaws.com|amazonaws.com|DIRECT",
            "https://rolesanywhere.us-east-1.amazonaws.com|.amazonaws.com|DIRECT",
            "https://rolesanywhere.us-east-1.amazonaws.com|example.com,*|DIRECT",
            "https://notamazonaws.com|amazonaws.com|proxy.corp:3128",
            "http://127.0.0.1:8080|127.0.0.1|DIRECT",
            "http://127.0.0.1:8080|127.0.0.1:9090|plain.corp:80",
            "http://localhost:8080|-|plain.corp:80",
    })
    void proxyFromTheEnvironment(String uri, String noProxy, String expected) {
        Map<String, String> env = new java.util.HashMap<>(Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "http_proxy", "plain.corp"));
        if (noProxy != null) {
            env.put("NO_PROXY", noProxy);
        }
        Proxy p = EnvProxySelector.fromEnvironment(env).select(URI.create(uri)).get(0);
        assertEquals(expected, p == Proxy.NO_PROXY ? "DIRECT"
                : ((java.net.InetSocketAddress) p.address()).getHostString() + ":" + ((java.net.InetSocketAddress) p.address()).getPort());
    }

    @Test
    void noProxyVariablesMeansNoSelector() {
        assertNull(EnvProxySelector.fromEnvironment(Map.of("NO_PROXY", "*")));
    }

    @ParameterizedTest(name = "[{index}] {0} {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "403|AccessDeniedException|{\"message\":\"Untrusted Signing Certificate\"}|DENIED|AccessDeniedException: Untrusted Signing Certificate; check that the trust anchor",
            "403|-|{\"__type\":\"AccessDeniedException\",\"message\":\"Invalid signature — signature does not verify with the leaf\"}|DENIED|AccessDeniedException: Invalid signature — signature does not verify with the leaf; check that --private-key",
            "403|AccessDeniedException:http://x|{\"message\":\"Untrusted Signing Certificate — chain: a\",\"explanation\":\"chain: a\"}|DENIED|AccessDeniedException: Untrusted Signing Certificate — chain: a;",
            "403|AccessDeniedException|{\"Message\":\"Not authorized to set roleSessionName.\",\"explanation\":\"profile p does not accept it\"}|DENIED|AccessDeniedException: Not authorized to set roleSessionName. — profile p does not accept it; enable acceptRoleSessionName",
            "404|aws.rolesanywhere#ResourceNotFoundException|{\"message\":\"not found\"}|NOT_FOUND|ResourceNotFoundException: not found; check --trust-anchor-arn",
            "400|ValidationException|{}|REMOTE_REFUSED|ValidationException; check --session-duration",
            "502|-|<html>bad gateway</html>|UNAVAILABLE|HTTP 502: <html>bad gateway</html>; the service failed",
            "429|ThrottlingException|-|UNAVAILABLE|ThrottlingException; CreateSession is limited",
    })
    void awsErrorsBecomeOneLine(int status, String header, String body, Failure failure, String linePrefix) {
        AwsError e = AwsError.parse(status, header, body);
        assertEquals(failure, e.failure());
        assertTrue(e.line().startsWith(linePrefix), e.line());
        assertEquals(1, e.line().lines().count());
    }

    @Test
    void credentialsNeverShowTheirSecrets() {
        Credentials c = new Credentials("ASIA1", "s3cr3t", "t0k3n", "2026-11-25T05:00:00Z");
        assertTrue(!c.toString().contains("s3cr3t") && !c.toString().contains("t0k3n"));
    }

    @Test
    void responseWithoutCredentialsIsRefused() {
        LanyardException e = assertThrows(LanyardException.class, () -> CreateSessionResponse.parse("{\"credentialSet\":[]}"));
        assertEquals(Failure.REMOTE_REFUSED, e.failure());
        assertTrue(e.getMessage().contains("unable to obtain temporary security credentials"));
    }
}
