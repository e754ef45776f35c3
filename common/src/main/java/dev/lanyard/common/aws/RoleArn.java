package dev.lanyard.common.aws;

/** {@code arn:aws:iam::ACCOUNT:role/[PATH/]NAME}. */
public record RoleArn(Arn arn) {
    public RoleArn {
        arn.require("role ARN", "iam", "role");
    }

    public static RoleArn parse(String text) {
        return new RoleArn(Arn.parse(text));
    }

    /** The role name: the last segment of the resource. */
    public String name() {
        return arn.resourceName();
    }

    @Override
    public String toString() {
        return arn.toString();
    }
}
