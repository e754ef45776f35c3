package dev.lanyard.emulator.rolesanywhere;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.emulator.api.Location;
import dev.lanyard.emulator.store.Crl;
import dev.lanyard.emulator.store.Profile;
import dev.lanyard.emulator.store.TrustAnchor;
import java.util.Base64;
import java.util.List;

/** The restJson1 shapes of the control plane (TrustAnchorDetail, ProfileDetail, CrlDetail). */
public final class RolesAnywhereJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Location location;

    public RolesAnywhereJson(Location location) {
        this.location = location;
    }

    public String wrap(String field, ObjectNode detail) {
        ObjectNode root = JSON.createObjectNode();
        root.set(field, detail);
        return root.toString();
    }

    public String list(String field, List<ObjectNode> details) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode arr = root.putArray(field);
        details.forEach(arr::add);
        return root.toString();
    }

    public ObjectNode trustAnchor(TrustAnchor t) {
        ObjectNode n = JSON.createObjectNode();
        n.put("createdAt", t.createdAt().toString());
        n.put("enabled", t.enabled());
        n.put("name", t.name());
        ObjectNode source = n.putObject("source");
        source.putObject("sourceData").put("x509CertificateData", t.certificateBundle());
        source.put("sourceType", t.sourceType());
        n.put("trustAnchorArn", location.trustAnchorArn(t.id()));
        n.put("trustAnchorId", t.id());
        n.put("updatedAt", t.updatedAt().toString());
        return n;
    }

    public ObjectNode profile(Profile p) {
        ObjectNode n = JSON.createObjectNode();
        n.put("acceptRoleSessionName", p.acceptRoleSessionName());
        ArrayNode maps = n.putArray("attributeMappings");
        for (Profile.AttributeMapping m : PrincipalTags.effectiveMappings(p.attributeMappings())) {
            ObjectNode o = maps.addObject();
            o.put("certificateField", m.certificateField());
            ArrayNode rules = o.putArray("mappingRules");
            m.specifiers().forEach(s -> rules.addObject().put("specifier", s));
        }
        n.put("createdAt", p.createdAt().toString());
        n.put("createdBy", location.account());
        n.put("durationSeconds", p.durationSeconds());
        n.put("enabled", p.enabled());
        ArrayNode managed = n.putArray("managedPolicyArns");
        p.managedPolicyArns().forEach(managed::add);
        n.put("name", p.name());
        n.put("profileArn", location.profileArn(p.id()));
        n.put("profileId", p.id());
        n.put("requireInstanceProperties", p.requireInstanceProperties());
        ArrayNode roles = n.putArray("roleArns");
        p.roleArns().forEach(roles::add);
        if (p.sessionPolicy() != null) {
            n.put("sessionPolicy", p.sessionPolicy());
        }
        n.put("updatedAt", p.updatedAt().toString());
        return n;
    }

    public ObjectNode crl(Crl c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("createdAt", c.createdAt().toString());
        n.put("crlArn", location.crlArn(c.id()));
        n.put("crlData", Base64.getEncoder().encodeToString(c.crlData()));
        n.put("crlId", c.id());
        n.put("enabled", c.enabled());
        n.put("name", c.name());
        n.put("trustAnchorArn", location.trustAnchorArn(c.trustAnchorId()));
        n.put("updatedAt", c.updatedAt().toString());
        return n;
    }
}
