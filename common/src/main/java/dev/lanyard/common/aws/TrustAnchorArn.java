package dev.lanyard.common.aws;

/** {@code arn:aws:rolesanywhere:REGION:ACCOUNT:trust-anchor/UUID}. */
public record TrustAnchorArn(Arn arn) implements RolesAnywhereArn {
    public TrustAnchorArn {
        arn.require("trust anchor ARN", "rolesanywhere", "trust-anchor");
    }

    public static TrustAnchorArn parse(String text) {
        return new TrustAnchorArn(Arn.parse(text));
    }

    @Override
    public String toString() {
        return arn.toString();
    }
}
