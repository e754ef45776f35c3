package dev.lanyard.emulator.iam;

import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.Xml;
import dev.lanyard.emulator.auth.UriEncoding;
import dev.lanyard.emulator.store.Role;
import java.util.Map;

/** The IAM awsQuery actions the control plane supports, rendered as IAM's XML. */
public final class IamActions {
    public static final String NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";
    private final RoleService roles;

    public IamActions(RoleService roles) {
        this.roles = roles;
    }

    public String handle(String action, Map<String, String> p) {
        return switch (action) {
            case "CreateRole" -> Xml.response(action, NAMESPACE, role(roles.create(p.get("RoleName"), p.get("Path"),
                    p.get("AssumeRolePolicyDocument"), integer(p, "MaxSessionDuration"), p.get("Description"))));
            case "GetRole" -> Xml.response(action, NAMESPACE, role(roles.get(p.get("RoleName"))));
            case "ListRoles" -> {
                Xml x = new Xml().leaf("IsTruncated", false).open("Roles");
                String prefix = p.getOrDefault("PathPrefix", "/");
                for (Role r : roles.list()) {
                    if (r.path().startsWith(prefix)) {
                        x.open("member").raw(fields(r)).close("member");
                    }
                }
                yield Xml.response(action, NAMESPACE, x.close("Roles").toString());
            }
            case "UpdateAssumeRolePolicy" -> {
                roles.updateTrustPolicy(p.get("RoleName"), p.get("PolicyDocument"));
                yield Xml.response(action, NAMESPACE, null);
            }
            case "DeleteRole" -> {
                roles.delete(p.get("RoleName"));
                yield Xml.response(action, NAMESPACE, null);
            }
            default -> throw new AwsError("InvalidAction", 400, "Could not find operation " + action + " for version 2010-05-08",
                    "the emulator's IAM supports CreateRole, GetRole, ListRoles, UpdateAssumeRolePolicy and DeleteRole");
        };
    }

    private String role(Role r) {
        return new Xml().open("Role").raw(fields(r)).close("Role").toString();
    }

    private String fields(Role r) {
        return new Xml().leaf("Path", r.path()).leaf("RoleName", r.name()).leaf("RoleId", r.roleId())
                .leaf("Arn", roles.arn(r)).leaf("CreateDate", r.createDate())
                .leaf("AssumeRolePolicyDocument", UriEncoding.encode(r.assumeRolePolicyDocument(), false))
                .leaf("Description", r.description()).leaf("MaxSessionDuration", r.maxSessionDuration()).toString();
    }

    private static Integer integer(Map<String, String> p, String name) {
        String v = p.get(name);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new AwsError("ValidationError", 400, name + " \"" + v + "\" is not an integer", "");
        }
    }
}
