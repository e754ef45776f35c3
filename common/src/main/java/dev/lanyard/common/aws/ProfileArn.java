package dev.lanyard.common.aws;

/** {@code arn:aws:rolesanywhere:REGION:ACCOUNT:profile/UUID}. */
public record ProfileArn(Arn arn) {
    public ProfileArn {
        arn.require("profile ARN", "rolesanywhere", "profile");
    }

    public static ProfileArn parse(String text) {
        return new ProfileArn(Arn.parse(text));
    }

    public String id() {
        return arn.resourceName();
    }

    public Region region() {
        return Region.parse(arn.region());
    }

    @Override
    public String toString() {
        return arn.toString();
    }
}
