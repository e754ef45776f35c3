package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.Location;
import dev.lanyard.emulator.iam.PolicyEvaluator;
import dev.lanyard.emulator.iam.RequestContext;
import dev.lanyard.emulator.iam.TrustPolicy;
import dev.lanyard.emulator.store.Role;
import dev.lanyard.emulator.store.TrustAnchor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Step 9: the role's trust policy must let rolesanywhere.amazonaws.com AssumeRole, TagSession and SetSourceIdentity. */
final class RoleAssumption {
    static final String SERVICE = "rolesanywhere.amazonaws.com";
    static final List<String> ACTIONS = List.of("sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity");

    private RoleAssumption() {
    }

    static RequestContext context(TrustAnchor anchor, Location location, PrincipalTags.Result tags, String sourceIdentity) {
        RequestContext ctx = new RequestContext()
                .put("aws:SourceArn", location.trustAnchorArn(anchor.id()))
                .put("aws:SourceAccount", location.account())
                .put("sts:SourceIdentity", sourceIdentity);
        for (Map.Entry<String, String> t : tags.tags().entrySet()) {
            ctx.put("aws:PrincipalTag/" + t.getKey(), t.getValue());
        }
        for (Map.Entry<String, String> d : tags.dropped().entrySet()) {
            ctx.absentBecause("aws:PrincipalTag/" + d.getKey(), d.getValue());
        }
        return ctx;
    }

    static void check(Role role, TrustAnchor anchor, Location location, PrincipalTags.Result tags, String sourceIdentity) {
        TrustPolicy policy;
        try {
            policy = TrustPolicy.parse(role.assumeRolePolicyDocument());
        } catch (IllegalArgumentException e) {
            throw AwsError.accessDenied("Not authorized to perform sts:AssumeRole",
                    "trust policy of role " + role.name() + " cannot be read: " + e.getMessage());
        }
        RequestContext ctx = context(anchor, location, tags, sourceIdentity);
        for (String action : ACTIONS) {
            Optional<String> denied = PolicyEvaluator.check(policy, SERVICE, action, ctx);
            if (denied.isPresent()) {
                throw AwsError.accessDenied("Not authorized to perform " + action, denied.get() + " (role " + role.name() + ")");
            }
        }
    }
}
