package dev.lanyard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The user journey of MISSION.md, step by step, against a local issuer and the emulator: each step
 * runs the commands a user would type and returns what the next steps (and the tests) need.
 */
public final class Journey implements AutoCloseable {
    public static final String CLUSTER = "example.teleport.sh";
    public static final String SERVICE_PATH = "/svc/example-service";
    public static final String OTHER_PATH = "/svc/other-service";
    public static final String SPIFFE_ID = "spiffe://" + CLUSTER + SERVICE_PATH;
    static final String PASSWORD = "correct horse battery staple";

    private final Path repo;
    private final Path work;
    private final Tools tools;
    private final ObjectMapper json = new ObjectMapper();
    private Service issuer;
    private Service emulator;
    private String issuerAddress;
    private String endpoint;
    private String caPin;
    private String trustAnchorArn;
    private String profileArn;
    private String roleArn;
    private String botToken;

    public Journey(Path repo, Path work, PrintStream transcript) {
        this.repo = repo;
        this.work = work;
        Map<String, String> env = new HashMap<>();
        env.put("HOME", work.resolve("home").toString());
        env.put("AWS_CONFIG_FILE", work.resolve("home/.aws/config").toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", work.resolve("emulator/admin-credentials").toString());
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        this.tools = new Tools(repo, work, env, work.resolve("issuer"), transcript);
    }

    public Path work() {
        return work;
    }

    /** Starts the emulator and the issuer on free loopback ports. */
    public void startServices() {
        tools.heading("Starting the embedded defaults: the Roles Anywhere emulator and the issuer");
        mkdirs("home/.aws", "emulator", "issuer");
        emulator = Service.start("emulator", List.of(tools.bin("lanyard-emulator").toString(), "start", "--port", "0",
                "--data-dir", work.resolve("emulator").toString()), tools.env(), work);
        endpoint = emulator.awaitLine(Pattern.compile("endpoint: (https?://\\S+)"), Duration.ofSeconds(120)).group(1);
        tools.say("emulator: " + endpoint);
        issuerAddress = "127.0.0.1:" + freePort();
        issuer = Service.start("issuer", List.of(tools.bin("lanyard").toString(), "issuer", "start", "--cluster", CLUSTER,
                "--data-dir", work.resolve("issuer").toString(), "--listen", issuerAddress), tools.env(), work);
        issuer.awaitLine(Pattern.compile("lanyard issuer ready"), Duration.ofSeconds(120));
        tools.say("issuer:   https://" + issuerAddress);
    }

    /** Step 1: the cluster name, version and CA pin. */
    public JsonNode status() {
        tools.heading("1. A running issuer");
        tools.ctl("status").requireOk();
        JsonNode status = parse(tools.ctl("status", "--format", "json").requireOk().stdout());
        caPin = status.path("ca_pin").asText();
        return status;
    }

    /** Step 2: the SPIFFE CA bundle becomes a trust anchor. Returns the exported PEM. */
    public String trustAnchor() {
        tools.heading("2-3. Export the SPIFFE CA bundle and create the trust anchor");
        String pem = tools.ctl("auth", "export", "--type", "tls-spiffe").requireOk().stdout();
        write("spiffe-ca.pem", pem);
        write("source.json", json.createObjectNode().put("sourceType", "CERTIFICATE_BUNDLE")
                .set("sourceData", json.createObjectNode().put("x509CertificateData", pem)).toString());
        JsonNode ta = parse(tools.aws("rolesanywhere", "create-trust-anchor", "--endpoint-url", endpoint,
                "--name", "lanyard", "--enabled", "--source", "file://source.json").requireOk().stdout());
        trustAnchorArn = ta.path("trustAnchor").path("trustAnchorArn").asText();
        return pem;
    }

    /** Step 4: the IAM role with the guide's trust policy, and the profile that lists it. */
    public void roleAndProfile() {
        tools.heading("4. The IAM role (trust policy on the SPIFFE ID and the trust anchor) and the profile");
        write("trust-policy.json", """
                {
                  "Version": "2012-10-17",
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"Service": "rolesanywhere.amazonaws.com"},
                    "Action": ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"],
                    "Condition": {
                      "StringEquals": {"aws:PrincipalTag/x509SAN/URI": "%s"},
                      "ArnEquals": {"aws:SourceArn": "%s"}
                    }
                  }]
                }
                """.formatted(SPIFFE_ID, trustAnchorArn));
        JsonNode role = parse(tools.aws("iam", "create-role", "--endpoint-url", endpoint, "--role-name", "example-service",
                "--assume-role-policy-document", "file://trust-policy.json").requireOk().stdout());
        roleArn = role.path("Role").path("Arn").asText();
        JsonNode profile = parse(tools.aws("rolesanywhere", "create-profile", "--endpoint-url", endpoint,
                "--name", "example", "--role-arns", roleArn, "--enabled").requireOk().stdout());
        profileArn = profile.path("profile").path("profileArn").asText();
    }

    /** Step 5: RBAC on the issuer: a role from YAML, given to a human and to a bot. */
    public void rbac() {
        tools.heading("5. RBAC on the issuer");
        write("role.yaml", """
                kind: role
                version: v6
                metadata:
                  name: my-workload-roles-anywhere
                spec:
                  allow:
                    spiffe:
                      - path: %s
                      - path: %s
                """.formatted(SERVICE_PATH, OTHER_PATH));
        write("password.txt", PASSWORD + "\n");
        tools.ctl("create", "-f", "role.yaml").requireOk();
        tools.ctl("users", "add", "my-user", "--roles", "my-workload-roles-anywhere",
                "--password-file", "password.txt").requireOk();
        JsonNode bot = parse(tools.ctl("bots", "add", "my-bot", "--roles", "my-workload-roles-anywhere",
                "--format", "json").requireOk().stdout());
        botToken = bot.path("token").asText();
    }

    /** Step 6: the bot joins with its token and writes an SVID output. Returns the output directory. */
    public Path botSvid() {
        tools.heading("10. Machines: the bot writes svid.pem, svid_key.pem, svid_bundle.pem");
        Path out = work.resolve("bot-svid");
        tools.lanyard("bot", "start", "--oneshot", "--proxy-server", issuerAddress, "--join-method", "token",
                "--token", botToken, "--ca-pin", caPin, "--storage", work.resolve("bot-storage").toString(),
                "--output-dir", out.toString(), "--svid-path", SERVICE_PATH).requireOk();
        return out;
    }

    /** Step 7: a human logs in once and issues an 8h SVID. Returns the output directory. */
    public Path humanSvid() {
        tools.heading("6. Humans: lanyard login, then lanyard svid issue");
        tools.lanyard("login", "--proxy", issuerAddress, "--user", "my-user", "--ca-pin", caPin,
                "--password-file", "password.txt").requireOk();
        tools.lanyard("svid", "issue", "--output", "roles-anywhere-svid", "--svid-ttl", "8h", SERVICE_PATH).requireOk();
        return work.resolve("roles-anywhere-svid");
    }

    /** Step 8: ~/.aws/config with a credential_process line for the SVID in {@code svidDir}. */
    public String awsConfig(Path svidDir) {
        tools.heading("7. ~/.aws/config with credential_process = lanyard-signer credential-process ...");
        String config = "[profile use-roles-anywhere]\nregion = us-east-1\ncredential_process = "
                + credentialProcess(svidDir) + "\n";
        write("home/.aws/config", config);
        tools.say(config);
        return config;
    }

    /** The AWS CLI through credential_process. Returns the caller identity ARN. */
    public String callerIdentityCli() {
        tools.heading("8. aws sts get-caller-identity --profile use-roles-anywhere");
        JsonNode id = parse(tools.aws("sts", "get-caller-identity", "--profile", "use-roles-anywhere",
                "--endpoint-url", endpoint).requireOk().stdout());
        return id.path("Arn").asText();
    }

    /** The AWS SDK for Java v2 through AWS_PROFILE. Returns the program's output. */
    public String callerIdentitySdk() {
        tools.heading("9. AWS_PROFILE=use-roles-anywhere ./my-app (AWS SDK for Java v2)");
        Path target = repo.resolve("e2e/target");
        String cp = target.resolve("lanyard-e2e.jar") + ":" + target.resolve("lib") + "/*";
        return tools.java(Map.of("AWS_PROFILE", "use-roles-anywhere"), "-cp", cp, WhoAmI.class.getName(), endpoint)
                .requireOk().stdout();
    }

    /** A refusal explained: an SVID whose SPIFFE ID the trust policy does not allow. Returns the signer's result. */
    public Command.Result refusal() {
        tools.heading("11. A refusal, explained: an SVID for " + OTHER_PATH + " is not what the role trusts");
        tools.lanyard("svid", "issue", "--output", "other-svid", OTHER_PATH).requireOk();
        Path dir = work.resolve("other-svid");
        return tools.signer("credential-process", "--certificate", dir.resolve("svid.pem").toString(),
                "--private-key", dir.resolve("svid_key.pem").toString(), "--profile-arn", profileArn,
                "--trust-anchor-arn", trustAnchorArn, "--role-arn", roleArn, "--endpoint", endpoint, "--no-cache");
    }

    public String credentialProcess(Path svidDir) {
        return tools.bin("lanyard-signer") + " credential-process --certificate " + svidDir.resolve("svid.pem")
                + " --private-key " + svidDir.resolve("svid_key.pem") + " --profile-arn " + profileArn
                + " --trust-anchor-arn " + trustAnchorArn + " --role-arn " + roleArn + " --endpoint " + endpoint;
    }

    public String endpoint() {
        return endpoint;
    }

    public String caPin() {
        return caPin;
    }

    public String trustAnchorArn() {
        return trustAnchorArn;
    }

    public String roleArn() {
        return roleArn;
    }

    public String profileArn() {
        return profileArn;
    }

    Tools tools() {
        return tools;
    }

    String issuerAddress() {
        return issuerAddress;
    }

    String botToken() {
        return botToken;
    }

    @Override
    public void close() {
        if (issuer != null) {
            issuer.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new JourneyException("expected JSON, got: " + text.strip());
        }
    }

    private void write(String relative, String content) {
        try {
            Path p = work.resolve(relative);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void mkdirs(String... dirs) {
        for (String d : dirs) {
            try {
                Files.createDirectories(work.resolve(d));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
