package dev.lanyard.issuer.agent;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code bot.yaml} (keys modelled on tbot). Unknown keys and invalid values are refused with
 * the file, the line and the reason. Values not given stay null here and get their defaults in
 * {@link ConfigFlags#resolve()}, after the flags are applied.
 */
final class ConfigFile {
    static final int MAX_CHARS = 256 * 1024;
    private static final Set<String> TOP = Set.of("version", "proxy_server", "auth_server", "onboarding", "storage",
            "credential_ttl", "certificate_ttl", "renewal_interval", "oneshot", "diag_addr", "outputs");
    private static final Set<String> ONBOARDING = Set.of("join_method", "token", "ca_pins", "ca_path", "jwt_file");

    private ConfigFile() {
    }

    static BotConfig read(Path file) {
        String text;
        try {
            if (Files.size(file) > MAX_CHARS) {
                throw new LanyardException(Failure.INVALID_INPUT, file + ": larger than 256 KiB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, file + ": cannot read the configuration (" + e.getMessage() + ")");
        }
        return parse(text, file.toString());
    }

    static BotConfig parse(String text, String source) {
        Node root = compose(text, source);
        if (root == null) {
            throw new LanyardException(Failure.INVALID_INPUT, source + ": the configuration is empty");
        }
        Map<String, YamlNode> top = new YamlNode(source, "", root).mapping(TOP);
        if (top.containsKey("version") && !top.get("version").text().equals("v2")) {
            throw top.get("version").invalid("only version v2 is supported");
        }
        if (top.containsKey("proxy_server") && top.containsKey("auth_server")) {
            throw top.get("auth_server").invalid("give proxy_server or auth_server, not both");
        }
        if (top.containsKey("credential_ttl") && top.containsKey("certificate_ttl")) {
            throw top.get("certificate_ttl").invalid("certificate_ttl is the old name of credential_ttl; give one");
        }
        String proxy = text(top, "proxy_server") != null ? text(top, "proxy_server") : text(top, "auth_server");
        JoinMethod method = null;
        String token = null;
        List<String> pins = List.of();
        Path jwtFile = null;
        if (top.containsKey("onboarding")) {
            Map<String, YamlNode> on = top.get("onboarding").mapping(ONBOARDING);
            if (on.containsKey("join_method")) {
                YamlNode m = on.get("join_method");
                method = Values.at(m, () -> JoinMethod.parse(m.text(), "join_method"));
            }
            token = text(on, "token");
            if (on.containsKey("ca_pins")) {
                pins = new ArrayList<>();
                for (YamlNode p : on.get("ca_pins").sequence()) {
                    pins.add(Values.pin(p));
                }
            }
            if (on.containsKey("ca_path")) {
                throw on.get("ca_path").invalid("not supported; pin the CA with ca_pins: [sha256:...]");
            }
            jwtFile = on.containsKey("jwt_file") ? Path.of(on.get("jwt_file").text()) : null;
        }
        Path storage = top.containsKey("storage") ? storage(top.get("storage")) : null;
        YamlNode ttlNode = top.containsKey("credential_ttl") ? top.get("credential_ttl") : top.get("certificate_ttl");
        List<OutputConfig> outputs = new ArrayList<>();
        if (top.containsKey("outputs")) {
            for (YamlNode o : top.get("outputs").sequence()) {
                outputs.add(OutputFile.parse(o));
            }
        }
        return new BotConfig(proxy, method, token, pins, jwtFile, storage,
                ttlNode == null ? null : Values.duration(ttlNode),
                top.containsKey("renewal_interval") ? Values.duration(top.get("renewal_interval")) : null,
                top.containsKey("oneshot") && top.get("oneshot").bool(),
                top.containsKey("diag_addr") ? diagAddress(top.get("diag_addr")) : null, outputs);
    }

    private static DiagAddress diagAddress(YamlNode node) {
        return Values.at(node, () -> DiagAddress.parse(node.text(), "diag_addr", Failure.INVALID_INPUT));
    }

    private static Path storage(YamlNode node) {
        if (node.isScalar()) {
            return Path.of(node.text());
        }
        Map<String, YamlNode> s = node.mapping(Set.of("type", "path"));
        if (s.containsKey("type") && !s.get("type").text().equals("directory")) {
            throw s.get("type").invalid("only storage type directory is supported");
        }
        if (!s.containsKey("path")) {
            throw node.invalid("path is required");
        }
        return Path.of(s.get("path").text());
    }

    private static String text(Map<String, YamlNode> map, String key) {
        return map.containsKey(key) ? map.get(key).text() : null;
    }

    private static Node compose(String text, String source) {
        if (text.length() > MAX_CHARS) {
            throw new LanyardException(Failure.INVALID_INPUT, source + ": larger than 256 KiB");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(MAX_CHARS);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
            throw new LanyardException(Failure.INVALID_INPUT, source + ":" + line + ": malformed YAML: "
                    + e.getProblem());
        } catch (YAMLException e) {
            throw new LanyardException(Failure.INVALID_INPUT, source + ": malformed YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("syntax error"));
        }
    }
}
