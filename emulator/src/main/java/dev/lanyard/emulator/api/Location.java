package dev.lanyard.emulator.api;

/** The account and region this emulator serves, and the ARNs of its resources. */
public record Location(String account, String region) {
    public String trustAnchorArn(String id) {
        return "arn:aws:rolesanywhere:" + region + ":" + account + ":trust-anchor/" + id;
    }

    public String profileArn(String id) {
        return "arn:aws:rolesanywhere:" + region + ":" + account + ":profile/" + id;
    }

    public String crlArn(String id) {
        return "arn:aws:rolesanywhere:" + region + ":" + account + ":crl/" + id;
    }

    public String subjectArn(String id) {
        return "arn:aws:rolesanywhere:" + region + ":" + account + ":subject/" + id;
    }
}
