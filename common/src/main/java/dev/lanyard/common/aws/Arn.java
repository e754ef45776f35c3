package dev.lanyard.common.aws;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.util.Set;

/**
 * An Amazon Resource Name: {@code arn:partition:service:region:account:resource}.
 * Partitions aws, aws-cn and aws-us-gov; the account, when present, is 12 digits.
 */
public record Arn(String partition, String service, String region, String account, String resource) {
    public static final Set<String> PARTITIONS = Set.of("aws", "aws-cn", "aws-us-gov");

    public Arn {
        if (!PARTITIONS.contains(partition)) {
            throw invalid("unknown partition \"" + partition + "\" (expected aws, aws-cn or aws-us-gov)");
        }
        if (service == null || service.isEmpty()) {
            throw invalid("service is empty");
        }
        if (account == null || !(account.isEmpty() || account.matches("[0-9]{12}"))) {
            throw invalid("account \"" + account + "\" is not 12 digits");
        }
        if (resource == null || resource.isEmpty()) {
            throw invalid("resource is empty");
        }
        region = region == null ? "" : region;
    }

    public static Arn parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("ARN is empty");
        }
        String[] parts = text.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn")) {
            throw new LanyardException(Failure.INVALID_INPUT,
                    "malformed ARN \"" + text + "\": expected arn:partition:service:region:account:resource");
        }
        try {
            return new Arn(parts[1], parts[2], parts[3], parts[4], parts[5]);
        } catch (LanyardException e) {
            throw new LanyardException(Failure.INVALID_INPUT, "malformed ARN \"" + text + "\": " + e.getMessage());
        }
    }

    /** The resource type: the part of the resource before the first '/' (e.g. {@code trust-anchor}). */
    public String resourceType() {
        int slash = resource.indexOf('/');
        return slash < 0 ? "" : resource.substring(0, slash);
    }

    /** The resource id or name: the part after the last '/'. */
    public String resourceName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** Checks that this ARN is of the given service and resource type; {@code label} names it in the error. */
    public Arn require(String label, String wantService, String wantType) {
        if (!service.equals(wantService) || !resourceType().equals(wantType) || resourceName().isEmpty()) {
            throw new LanyardException(Failure.INVALID_INPUT, label + " \"" + this
                    + "\" is not a " + wantService + " " + wantType + " ARN (arn:aws:" + wantService
                    + ":" + (wantService.equals("iam") ? "" : "REGION") + ":ACCOUNT:" + wantType + "/…)");
        }
        if (!wantService.equals("iam") && region.isEmpty()) {
            throw new LanyardException(Failure.INVALID_INPUT, label + " \"" + this + "\" has no region");
        }
        return this;
    }

    @Override
    public String toString() {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    private static LanyardException invalid(String message) {
        return new LanyardException(Failure.INVALID_INPUT, message);
    }
}
