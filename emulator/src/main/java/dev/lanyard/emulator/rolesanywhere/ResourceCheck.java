package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.common.aws.ProfileArn;
import dev.lanyard.common.aws.RoleArn;
import dev.lanyard.common.aws.RolesAnywhereArn;
import dev.lanyard.common.aws.TrustAnchorArn;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.Location;
import dev.lanyard.emulator.store.Profile;
import dev.lanyard.emulator.store.Registry;
import dev.lanyard.emulator.store.Role;
import dev.lanyard.emulator.store.TrustAnchor;
import java.util.Locale;

/** Step 1: the ARNs parse, name resources of this account and region that exist and are enabled; the role is in the profile. */
final class ResourceCheck {
    record Resolved(TrustAnchor trustAnchor, Profile profile, Role role) {
    }

    private ResourceCheck() {
    }

    static Resolved resolve(SessionRequest p, Registry registry, Location location) {
        TrustAnchorArn taArn;
        ProfileArn profileArn;
        RoleArn roleArn;
        try {
            taArn = TrustAnchorArn.parse(p.trustAnchorArn());
            profileArn = ProfileArn.parse(p.profileArn());
            roleArn = RoleArn.parse(p.roleArn());
        } catch (LanyardException e) {
            throw AwsError.validation(e.getMessage());
        }
        local("trust anchor", taArn, location);
        local("profile", profileArn, location);
        TrustAnchor ta = registry.trustAnchor(taArn.id()).orElseThrow(() -> AwsError.notFound("Trust anchor not found",
                "no trust anchor " + taArn.id() + " in this emulator (aws rolesanywhere list-trust-anchors)"));
        Profile profile = registry.profile(profileArn.id()).orElseThrow(() -> AwsError.notFound("Profile not found",
                "no profile " + profileArn.id() + " in this emulator (aws rolesanywhere list-profiles)"));
        if (!ta.enabled()) {
            throw AwsError.accessDenied("Trust anchor is disabled",
                    "trust anchor " + ta.id() + " (" + ta.name() + ") is disabled; aws rolesanywhere enable-trust-anchor");
        }
        if (!profile.enabled()) {
            throw AwsError.accessDenied("Profile is disabled",
                    "profile " + profile.id() + " (" + profile.name() + ") is disabled; aws rolesanywhere enable-profile");
        }
        if (!profile.roleArns().contains(p.roleArn())) {
            throw AwsError.accessDenied("Role is not associated with the profile",
                    "role " + p.roleArn() + " is not in the roleArns of profile " + profile.id() + " " + profile.roleArns());
        }
        if (!roleArn.arn().account().equals(location.account())) {
            throw AwsError.accessDenied("Not authorized to perform sts:AssumeRole",
                    "role " + p.roleArn() + " is in account " + roleArn.arn().account() + ", this emulator is account " + location.account());
        }
        Role role = registry.role(roleArn.name()).filter(r -> p.roleArn().equals(r.arn(location.account())))
                .orElseThrow(() -> AwsError.accessDenied(
                "Not authorized to perform sts:AssumeRole", "IAM role " + p.roleArn() + " does not exist (aws iam list-roles)"));
        return new Resolved(ta, profile, role);
    }

    private static void local(String what, RolesAnywhereArn arn, Location location) {
        if (!arn.arn().account().equals(location.account()) || !arn.arn().region().equals(location.region())) {
            throw AwsError.notFound(what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1) + " not found",
                    what + " " + arn + " is not in this emulator's account " + location.account() + " and region " + location.region());
        }
    }
}
