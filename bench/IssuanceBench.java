import dev.lanyard.common.x509.Certificates;
import dev.lanyard.common.x509.PrivateKeys;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Closed-loop load generator for the issuer's {@code POST /v1/svid}: N clients, each one thread with one
 * keep-alive mTLS connection (HTTP/1.1, TLS handshake done before the clock starts), sending requests
 * back to back. Public keys come from a pool generated before the run (client key generation is not
 * measured). Counts the requests that complete inside the measured window (after the warm-up) and
 * prints one {@code RESULT} line per concurrency level. The first answer is checked for real: its
 * certificate must parse, carry the requested SPIFFE ID and the key that was sent.
 *
 * <pre>java -cp common/target/lanyard-common-*.jar bench/IssuanceBench.java --addr 127.0.0.1:PORT
 *   --identity ID.pem --key ID_KEY.pem --ca HOST_CA.pem [--trust-domain bench.example] [--path /svc/bench]
 *   [--clients 1,16,64] [--warmup 3] [--duration 10] [--pool 256] [--results FILE] [--server-pid PID]</pre>
 * {@code --server-pid} adds the issuer's CPU time per issuance (from /proc) to each line; the load
 * generator's own CPU time per issuance is always reported (it shares the cores with the issuer).
 * {@code --jca-sign SECONDS} instead measures this JVM's own SHA256withECDSA P-256 sign rate (one thread).
 */
final class IssuanceBench {
    private static final Pattern CERT = Pattern.compile("\"certificate\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = options(args);
        if (o.containsKey("jca-sign")) {
            JcaSignRate.measure(Double.parseDouble(o.get("jca-sign")));
            return;
        }
        String[] hp = need(o, "addr").split(":");
        String host = hp[0];
        int port = Integer.parseInt(hp[1]);
        String path = o.getOrDefault("path", "/svc/bench");
        String td = o.getOrDefault("trust-domain", "bench.example");
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "3"));
        double duration = Double.parseDouble(o.getOrDefault("duration", "10"));
        int poolSize = Integer.parseInt(o.getOrDefault("pool", "256"));
        long serverPid = Long.parseLong(o.getOrDefault("server-pid", "0"));
        SSLContext tls = tls(Path.of(need(o, "identity")), Path.of(need(o, "key")), Path.of(need(o, "ca")));

        List<PublicKey> keys = new ArrayList<>();
        List<byte[]> requests = new ArrayList<>();
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        for (int i = 0; i < poolSize; i++) {
            PublicKey k = gen.generateKeyPair().getPublic();
            keys.add(k);
            requests.add(request(host, port, path, k));
        }
        check(tls, host, port, requests.get(0), keys.get(0), "spiffe://" + td + path);

        Path results = o.containsKey("results") ? Path.of(o.get("results")) : null;
        for (String n : o.getOrDefault("clients", "1,16,64").split(",")) {
            String line = run(tls, host, port, requests, Integer.parseInt(n.trim()), warmup, duration, serverPid);
            if (results != null) {
                Files.writeString(results, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        }
    }

    private static String run(SSLContext tls, String host, int port, List<byte[]> requests, int clients,
                            double warmup, double duration, long serverPid) throws Exception {
        LoadClient[] cs = new LoadClient[clients];
        for (int i = 0; i < clients; i++) {
            cs[i] = new LoadClient(tls, host, port, requests, i);
            cs[i].connect();
        }
        long t0 = System.nanoTime();
        long from = t0 + (long) (warmup * 1e9);
        long to = from + (long) (duration * 1e9);
        CountDownLatch done = new CountDownLatch(clients);
        long serverTicks0 = 0;
        long serverTicks1 = 0;
        for (LoadClient c : cs) {
            Thread t = new Thread(() -> {
                try {
                    c.loop(from, to);
                } finally {
                    done.countDown();
                }
            }, "client-" + c.index);
            t.setDaemon(true);
            t.start();
        }
        long self = ProcessHandle.current().pid();
        sleepUntil(from);
        long clientTicks0 = cpuTicks(self);
        if (serverPid > 0) {
            serverTicks0 = cpuTicks(serverPid);
        }
        sleepUntil(to);
        long clientTicks1 = cpuTicks(self);
        if (serverPid > 0) {
            serverTicks1 = cpuTicks(serverPid);
        }
        done.await();
        int total = 0;
        long errors = 0;
        long reconnects = 0;
        String firstError = null;
        for (LoadClient c : cs) {
            total += c.count;
            errors += c.errors;
            reconnects += c.reconnects;
            if (firstError == null) {
                firstError = c.firstError;
            }
            c.close();
        }
        long[] all = new long[total];
        int at = 0;
        for (LoadClient c : cs) {
            System.arraycopy(c.latencies, 0, all, at, c.count);
            at += c.count;
        }
        Arrays.sort(all);
        String line = String.format(Locale.ROOT, "RESULT clients=%d requests=%d seconds=%.1f rate=%.1f p50_ms=%.2f p99_ms=%.2f"
                        + " max_ms=%.2f errors=%d reconnects=%d server_cpu_ms_per_issuance=%.2f server_cores=%.2f"
                        + " client_cpu_ms_per_issuance=%.2f", clients, total,
                duration, total / duration, pct(all, 0.50), pct(all, 0.99),
                all.length == 0 ? 0.0 : all[all.length - 1] / 1e6, errors, reconnects,
                total == 0 ? Double.NaN : (serverTicks1 - serverTicks0) * 10.0 / total,
                (serverTicks1 - serverTicks0) / 100.0 / duration,
                total == 0 ? Double.NaN : (clientTicks1 - clientTicks0) * 10.0 / total);
        System.out.println(line);
        if (firstError != null) {
            System.out.println("first error: " + firstError);
        }
        System.out.flush();
        return line;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** utime + stime of a process in clock ticks (USER_HZ, 100 on Linux), from /proc/PID/stat. */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException e) {
            return 0;
        }
    }

    private static double pct(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }

    /** One request outside the measurement: the answer must be a real SVID for the key that was sent. */
    private static void check(SSLContext tls, String host, int port, byte[] req, PublicKey key, String id)
            throws Exception {
        try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(host, port)) {
            s.getOutputStream().write(req);
            HttpResponse r = HttpResponse.read(new BufferedInputStream(s.getInputStream()));
            String body = new String(r.body(), StandardCharsets.UTF_8);
            Matcher m = CERT.matcher(body);
            if (r.status() != 200 || !m.find()) {
                throw new IllegalStateException("the issuer refused the check request: HTTP " + r.status() + " " + body);
            }
            X509Certificate cert = Certificates.parseOne(m.group(1).replace("\\n", "\n").replace("\\/", "/")
                    .getBytes(StandardCharsets.US_ASCII), "response");
            boolean sanOk = cert.getSubjectAlternativeNames().stream()
                    .anyMatch(san -> Integer.valueOf(6).equals(san.get(0)) && id.equals(san.get(1)));
            if (!sanOk || !Arrays.equals(cert.getPublicKey().getEncoded(), key.getEncoded())) {
                throw new IllegalStateException("the issued SVID does not carry " + id + " and the requested key");
            }
            System.out.println("check: issued " + id + " serial " + cert.getSerialNumber().toString(16)
                    + ", key matches, issuer " + cert.getIssuerX500Principal().getName());
        }
    }

    private static byte[] request(String host, int port, String path, PublicKey key) {
        String pem = "-----BEGIN PUBLIC KEY-----\\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                .replace("\n", "\\n") + "\\n-----END PUBLIC KEY-----\\n";
        byte[] body = ("{\"spiffe_path\":\"" + path + "\",\"public_key\":\"" + pem + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "POST /v1/svid HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    private static SSLContext tls(Path identity, Path keyFile, Path hostCa) throws Exception {
        List<X509Certificate> chain = Certificates.parseAll(Files.readAllBytes(identity), identity.toString());
        PrivateKey key = PrivateKeys.parse(Files.readAllBytes(keyFile), keyFile.toString());
        char[] pw = "bench".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("identity", key, pw, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        int i = 0;
        for (X509Certificate ca : Certificates.parseAll(Files.readAllBytes(hostCa), hostCa.toString())) {
            trust.setCertificateEntry("ca" + i++, ca);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("error: expected --name value pairs, got '" + args[i] + "'");
                System.exit(2);
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static String need(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            System.err.println("error: --" + name + " is required");
            System.exit(2);
        }
        return v;
    }
}
