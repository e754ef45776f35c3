package dev.lanyard.emulator.server;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.emulator.store.Crl;
import dev.lanyard.emulator.store.Profile;
import dev.lanyard.emulator.store.Role;
import dev.lanyard.emulator.store.TrustAnchor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * A seed file (YAML, issue 3): resources with fixed ids. File references are relative to the seed
 * file; PEM and JSON may also be given inline. Applying a seed creates or replaces by id/name.
 */
public record Seed(String account, String region, List<TrustAnchor> trustAnchors, List<Crl> crls, List<Role> roles,
                   List<Profile> profiles) {

    public static Seed read(Path file, Instant now) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LanyardException(Failure.FILE, file + ": cannot read the seed file (" + e.getMessage() + ")");
        } catch (YAMLException e) {
            throw new LanyardException(Failure.INVALID_INPUT, file + ": not valid YAML ("
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse("") + ")");
        }
        Fields root = new Fields(file, "seed", doc == null ? Map.of() : doc);
        Path base = file.toAbsolutePath().getParent();
        List<TrustAnchor> anchors = new ArrayList<>();
        for (Fields t : root.list("trustAnchors")) {
            anchors.add(new TrustAnchor(t.string("id", null), t.string("name", "seed"), t.bool("enabled", true),
                    "CERTIFICATE_BUNDLE", t.content("certificateBundle", base, "-----BEGIN"), now, now));
        }
        List<Crl> crls = new ArrayList<>();
        for (Fields c : root.list("crls")) {
            crls.add(new Crl(c.string("id", null), c.string("name", "seed"), c.bool("enabled", true),
                    c.string("trustAnchorId", null), c.content("crl", base, "-----BEGIN").getBytes(StandardCharsets.UTF_8), now, now));
        }
        List<Role> roles = new ArrayList<>();
        for (Fields r : root.list("roles")) {
            String name = r.string("name", null);
            roles.add(new Role(name, r.string("path", "/"), r.string("roleId", "AROA" + roleIdFor(name)),
                    r.content("trustPolicy", base, "{"), r.integer("maxSessionDuration", 3600), r.optional("description"), now));
        }
        List<Profile> profiles = new ArrayList<>();
        for (Fields p : root.list("profiles")) {
            List<Profile.AttributeMapping> mappings = null;
            if (p.has("attributeMappings")) {
                mappings = new ArrayList<>();
                for (Fields m : p.list("attributeMappings")) {
                    mappings.add(new Profile.AttributeMapping(m.string("certificateField", null), m.strings("specifiers")));
                }
            }
            profiles.add(new Profile(p.string("id", null), p.string("name", "seed"), p.bool("enabled", true),
                    p.strings("roleArns"), p.integer("durationSeconds", 3600), p.bool("acceptRoleSessionName", false),
                    p.bool("requireInstanceProperties", false), p.optional("sessionPolicy"), p.strings("managedPolicyArns"),
                    mappings, now, now));
        }
        return new Seed(root.optional("account"), root.optional("region"), anchors, crls, roles, profiles);
    }

    /** A stable 17-character role id derived from the name, so seeded roles keep their id across restarts. */
    static String roleIdFor(String name) {
        String hex = java.util.UUID.nameUUIDFromBytes(String.valueOf(name).getBytes(StandardCharsets.UTF_8)).toString()
                .replace("-", "").toUpperCase(Locale.ROOT);
        return hex.substring(0, 17);
    }
}
