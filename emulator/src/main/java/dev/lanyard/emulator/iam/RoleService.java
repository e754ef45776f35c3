package dev.lanyard.emulator.iam;

import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.store.Ids;
import dev.lanyard.emulator.store.Registry;
import dev.lanyard.emulator.store.Role;
import java.time.Clock;
import java.util.List;

/** IAM roles: create, read, list, replace the trust policy, delete. */
public final class RoleService {
    private final Registry registry;
    private final Ids ids;
    private final Clock clock;
    private final String account;

    public RoleService(Registry registry, Ids ids, Clock clock, String account) {
        this.registry = registry;
        this.ids = ids;
        this.clock = clock;
        this.account = account;
    }

    public Role create(String name, String path, String policy, Integer maxSessionDuration, String description) {
        validateName(name);
        String p = path == null || path.isEmpty() ? "/" : path;
        if (!p.matches("/([\\x21-\\x7E]*/)?") || p.length() > 512) {
            throw validation("Path \"" + p + "\" must begin and end with / (e.g. / or /svc/)");
        }
        validatePolicy(policy);
        int max = maxSessionDuration == null ? 3600 : maxSessionDuration;
        if (max < 3600 || max > 43200) {
            throw validation("MaxSessionDuration " + max + " must be between 3600 and 43200 seconds");
        }
        Role role = new Role(name, p, ids.roleId(), policy, max, description, clock.instant());
        synchronized (registry) {
            if (registry.role(name).isPresent()) {
                throw new AwsError("EntityAlreadyExists", 409, "Role with name " + name + " already exists.", "");
            }
            registry.update(s -> s.withRoles(Registry.plus(s.roles(), role, r -> r.name().equals(name))));
        }
        return role;
    }

    /** Creates or replaces a role with fixed values (seeding). */
    public Role put(Role role) {
        validateName(role.name());
        validatePolicy(role.assumeRolePolicyDocument());
        registry.update(s -> s.withRoles(Registry.replace(s.roles(), role, r -> r.name().equals(role.name()))));
        return role;
    }

    public Role get(String name) {
        validateName(name);
        return registry.role(name).orElseThrow(() -> new AwsError("NoSuchEntity", 404,
                "The role with name " + name + " cannot be found.", ""));
    }

    public List<Role> list() {
        return registry.snapshot().roles();
    }

    public void updateTrustPolicy(String name, String policy) {
        Role role = get(name);
        validatePolicy(policy);
        registry.update(s -> s.withRoles(Registry.replace(s.roles(), role.withTrustPolicy(policy), r -> r.name().equals(name))));
    }

    public void delete(String name) {
        get(name);
        registry.update(s -> s.withRoles(Registry.filter(s.roles(), r -> !r.name().equals(name))));
    }

    public String arn(Role role) {
        return role.arn(account);
    }

    private static void validateName(String name) {
        if (name == null || !name.matches("[\\w+=,.@-]{1,64}")) {
            throw validation("RoleName \"" + name + "\" must be 1-64 characters of letters, digits and +=,.@_-");
        }
    }

    static void validatePolicy(String policy) {
        if (policy == null || policy.isEmpty()) {
            throw validation("AssumeRolePolicyDocument is required");
        }
        try {
            TrustPolicy.parse(policy);
        } catch (IllegalArgumentException e) {
            throw new AwsError("MalformedPolicyDocument", 400, "This policy contains invalid Json", e.getMessage());
        }
    }

    private static AwsError validation(String why) {
        return new AwsError("ValidationError", 400, why, "");
    }
}
