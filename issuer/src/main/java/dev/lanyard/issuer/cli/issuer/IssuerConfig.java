package dev.lanyard.issuer.cli.issuer;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.file.InputFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * {@code issuer.yaml}:
 * <pre>
 * cluster: example.teleport.sh        # the trust domain
 * data_dir: /var/lib/lanyard
 * listen: 127.0.0.1:3025              # HTTPS only
 * ca_key_type: ec                     # ec | rsa-2048 | rsa-3072
 * ca_passphrase_file: /etc/lanyard/ca-passphrase   # optional; else LANYARD_CA_PASSPHRASE or generated
 * public_addrs: [issuer.example.com]  # extra names in the TLS certificate
 * fips: true                          # optional; FIPS mode (same as --fips)
 * </pre>
 */
record IssuerConfig(String cluster, String dataDir, String listen, String caKeyType, String caPassphraseFile,
                    List<String> publicAddrs, boolean fips) {
    static final Set<String> KEYS = Set.of("cluster", "data_dir", "listen", "ca_key_type", "ca_passphrase_file",
            "public_addrs", "fips");

    static IssuerConfig empty() {
        return new IssuerConfig(null, null, null, null, null, List.of(), false);
    }

    static IssuerConfig load(Path file) {
        String text = new String(InputFiles.read(file), StandardCharsets.UTF_8);
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new LanyardException(Failure.INVALID_INPUT, file + ": malformed YAML: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        if (doc == null) {
            return empty();
        }
        if (!(doc instanceof Map<?, ?> m)) {
            throw new LanyardException(Failure.INVALID_INPUT, file + ": expected a mapping of settings");
        }
        for (Object k : m.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new LanyardException(Failure.INVALID_INPUT, file + ": unknown setting '" + k + "'; allowed: "
                        + KEYS.stream().sorted().toList());
            }
        }
        List<String> addrs = new ArrayList<>();
        if (m.get("public_addrs") instanceof List<?> l) {
            l.forEach(a -> addrs.add(String.valueOf(a)));
        } else if (m.get("public_addrs") != null) {
            throw new LanyardException(Failure.INVALID_INPUT, file + ": public_addrs must be a list");
        }
        Object fips = m.get("fips");
        if (fips != null && !(fips instanceof Boolean)) {
            throw new LanyardException(Failure.INVALID_INPUT, file + ": fips must be true or false");
        }
        return new IssuerConfig(str(m, "cluster", file), str(m, "data_dir", file), str(m, "listen", file),
                str(m, "ca_key_type", file), str(m, "ca_passphrase_file", file), addrs, Boolean.TRUE.equals(fips));
    }

    private static String str(Map<?, ?> m, String key, Path file) {
        Object v = m.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List) {
            throw new LanyardException(Failure.INVALID_INPUT, file + ": " + key + " must be a single value");
        }
        return String.valueOf(v);
    }
}
