package dev.lanyard.emulator.store;

import java.time.Instant;
import java.util.List;

/**
 * A Roles Anywhere profile. {@code attributeMappings} null means the AWS defaults for every field; a
 * field missing from the list also keeps its defaults; a field listed with no specifiers maps nothing.
 */
public record Profile(String id, String name, boolean enabled, List<String> roleArns, int durationSeconds,
                      boolean acceptRoleSessionName, boolean requireInstanceProperties, String sessionPolicy,
                      List<String> managedPolicyArns, List<AttributeMapping> attributeMappings,
                      Instant createdAt, Instant updatedAt) {
    public Profile {
        roleArns = List.copyOf(roleArns);
        managedPolicyArns = managedPolicyArns == null ? List.of() : List.copyOf(managedPolicyArns);
        attributeMappings = attributeMappings == null ? null : List.copyOf(attributeMappings);
    }

    public Profile withEnabled(boolean value, Instant now) {
        return new Profile(id, name, value, roleArns, durationSeconds, acceptRoleSessionName,
                requireInstanceProperties, sessionPolicy, managedPolicyArns, attributeMappings, createdAt, now);
    }

    /** {@code certificateField} is x509Subject, x509Issuer or x509SAN; specifiers as in AWS (CN, *, DNS, URI, Name/*). */
    public record AttributeMapping(String certificateField, List<String> specifiers) {
        public AttributeMapping {
            specifiers = List.copyOf(specifiers);
        }
    }
}
