package dev.lanyard.common.aws;

/** A regional Roles Anywhere resource ARN whose resource name is the resource id (a trust anchor or a profile). */
public sealed interface RolesAnywhereArn permits TrustAnchorArn, ProfileArn {
    Arn arn();

    /** The resource id: the part of the resource after the '/'. */
    default String id() {
        return arn().resourceName();
    }

    /** The ARN's region, FIPS microformats normalised. */
    default Region region() {
        return Region.parse(arn().region());
    }
}
