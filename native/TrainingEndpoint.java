import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A stand-in CreateSession endpoint for AOT training and benchmarks when the emulator is not built:
 * answers every POST /sessions with 201 and credentials valid for one hour. It does not verify
 * signatures (the emulator does); the client-side work it exercises is the same.
 * Run: java native/TrainingEndpoint.java  → prints "endpoint: http://127.0.0.1:PORT".
 */
public class TrainingEndpoint {
    public static void main(String[] args) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String exp = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
            byte[] body = ("{\"credentialSet\":[{\"credentials\":{\"accessKeyId\":\"ASIATRAINING00000001\","
                    + "\"secretAccessKey\":\"training-secret\",\"sessionToken\":\"training-token\",\"expiration\":\""
                    + exp + "\"}}],\"subjectArn\":\"arn:aws:rolesanywhere:us-east-1:123456789012:subject/training\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        System.out.println("endpoint: http://127.0.0.1:" + server.getAddress().getPort());
        System.out.flush();
    }
}
