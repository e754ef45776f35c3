package dev.lanyard.common.aws;

/** {@code arn:aws:rolesanywhere:REGION:ACCOUNT:profile/UUID}. */
public record ProfileArn(Arn arn) implements RolesAnywhereArn {
    public ProfileArn {
        arn.require("profile ARN", "rolesanywhere", "profile");
    }

    public static ProfileArn parse(String text) {
        return new ProfileArn(Arn.parse(text));
    }

    @Override
    public String toString() {
        return arn.toString();
    }
}
