package dev.lanyard.emulator.auth;

/** {@code yyyyMMdd/region/service/aws4_request}. */
public record CredentialScope(String date, String region, String service, String terminator) {
    static CredentialScope parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("credential scope \"" + text
                    + "\" does not have 4 parts (date/region/service/aws4_request)");
        }
        if (!parts[3].equals("aws4_request")) {
            throw new IllegalArgumentException("credential scope ends with \"" + parts[3] + "\", expected aws4_request");
        }
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3]);
    }

    @Override
    public String toString() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }
}
