package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.common.aws.RoleArn;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.JsonBody;
import dev.lanyard.emulator.store.Ids;
import dev.lanyard.emulator.store.Profile;
import dev.lanyard.emulator.store.Registry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Profiles: the roles a session may assume, the duration cap, session-name and attribute-mapping rules. */
public final class ProfileService {
    private static final Set<String> FIELDS = Set.of("x509Subject", "x509Issuer", "x509SAN");
    private final Registry registry;
    private final Ids ids;
    private final Clock clock;

    public ProfileService(Registry registry, Ids ids, Clock clock) {
        this.registry = registry;
        this.ids = ids;
        this.clock = clock;
    }

    public Profile create(JsonBody b) {
        String name = Validation.name(b.string("name"));
        List<String> roles = roleArns(b.strings("roleArns"));
        Boolean enabled = b.bool("enabled");
        Boolean accept = b.bool("acceptRoleSessionName");
        Boolean require = b.bool("requireInstanceProperties");
        return put(new Profile(ids.uuid(), name, enabled != null && enabled, roles,
                Validation.duration(b.integer("durationSeconds"), 3600), accept != null && accept, require != null && require,
                b.string("sessionPolicy"), b.strings("managedPolicyArns"), mappings(b), clock.instant(), clock.instant()));
    }

    public Profile put(Profile p) {
        roleArns(p.roleArns());
        Validation.duration(p.durationSeconds(), 3600);
        registry.update(s -> s.withProfiles(Registry.replace(s.profiles(), p, x -> x.id().equals(p.id()))));
        return p;
    }

    public Profile get(String id) {
        Validation.id(id, "profile");
        return registry.profile(id).orElseThrow(() -> AwsError.notFound("Profile not found", "no profile with id " + id));
    }

    public List<Profile> list() {
        return registry.snapshot().profiles();
    }

    public Profile update(String id, JsonBody b) {
        Profile p = get(id);
        Boolean accept = b.bool("acceptRoleSessionName");
        return put(new Profile(p.id(), b.has("name") ? Validation.name(b.string("name")) : p.name(), p.enabled(),
                b.has("roleArns") ? roleArns(b.strings("roleArns")) : p.roleArns(),
                b.has("durationSeconds") ? Validation.duration(b.integer("durationSeconds"), 3600) : p.durationSeconds(),
                accept == null ? p.acceptRoleSessionName() : accept, p.requireInstanceProperties(),
                b.has("sessionPolicy") ? b.string("sessionPolicy") : p.sessionPolicy(),
                b.has("managedPolicyArns") ? b.strings("managedPolicyArns") : p.managedPolicyArns(),
                b.has("attributeMappings") ? mappings(b) : p.attributeMappings(), p.createdAt(), clock.instant()));
    }

    public Profile setEnabled(String id, boolean enabled) {
        return put(get(id).withEnabled(enabled, clock.instant()));
    }

    public Profile delete(String id) {
        Profile p = get(id);
        registry.update(s -> s.withProfiles(Registry.filter(s.profiles(), x -> !x.id().equals(id))));
        return p;
    }

    /** PutAttributeMapping: the field's specifiers become exactly the given rules. */
    public Profile putMapping(String id, JsonBody b) {
        Profile p = get(id);
        return withMappings(p, field(b.requireString("certificateField")), specifiers(b));
    }

    /** DeleteAttributeMapping: removes the given specifiers of the field (all of them when none are given). */
    public Profile deleteMapping(String id, String certificateField, List<String> specifiers) {
        Profile p = get(id);
        String field = field(certificateField);
        List<String> current = new ArrayList<>();
        PrincipalTags.effectiveMappings(p.attributeMappings()).stream().filter(m -> m.certificateField().equals(field))
                .forEach(m -> current.addAll(m.specifiers()));
        if (specifiers == null || specifiers.isEmpty()) {
            current.clear();
        } else {
            current.removeAll(specifiers);
        }
        return withMappings(p, field, current);
    }

    private Profile withMappings(Profile p, String field, List<String> specs) {
        List<Profile.AttributeMapping> mappings = new ArrayList<>();
        for (Profile.AttributeMapping m : PrincipalTags.effectiveMappings(p.attributeMappings())) {
            if (!m.certificateField().equals(field)) {
                mappings.add(m);
            }
        }
        mappings.add(new Profile.AttributeMapping(field, specs));
        return put(new Profile(p.id(), p.name(), p.enabled(), p.roleArns(), p.durationSeconds(), p.acceptRoleSessionName(),
                p.requireInstanceProperties(), p.sessionPolicy(), p.managedPolicyArns(), mappings, p.createdAt(), clock.instant()));
    }

    private static String field(String field) {
        if (field == null || !FIELDS.contains(field)) {
            throw AwsError.validation("certificateField \"" + field + "\" must be x509Subject, x509Issuer or x509SAN");
        }
        return field;
    }

    private static List<String> roleArns(List<String> arns) {
        if (arns == null) {
            throw AwsError.validation("\"roleArns\" is required");
        }
        if (arns.size() > 250) {
            throw AwsError.validation("a profile lists at most 250 roles, got " + arns.size());
        }
        for (String a : arns) {
            try {
                RoleArn.parse(a);
            } catch (LanyardException e) {
                throw AwsError.validation(e.getMessage());
            }
        }
        return arns;
    }

    static List<Profile.AttributeMapping> mappings(JsonBody b) {
        List<JsonBody> list = b.objects("attributeMappings");
        if (list == null) {
            return null;
        }
        List<Profile.AttributeMapping> out = new ArrayList<>();
        for (JsonBody m : list) {
            out.add(new Profile.AttributeMapping(field(m.requireString("certificateField")), specifiers(m)));
        }
        return out;
    }

    /** The specifiers of a mapping's {@code mappingRules}, each 1-60 characters. */
    private static List<String> specifiers(JsonBody mapping) {
        List<String> specs = new ArrayList<>();
        List<JsonBody> rules = mapping.objects("mappingRules");
        for (JsonBody r : rules == null ? List.<JsonBody>of() : rules) {
            String spec = r.requireString("specifier");
            if (spec.isEmpty() || spec.length() > 60) {
                throw AwsError.validation("specifier \"" + spec + "\" must be 1-60 characters");
            }
            specs.add(spec);
        }
        return specs;
    }
}
