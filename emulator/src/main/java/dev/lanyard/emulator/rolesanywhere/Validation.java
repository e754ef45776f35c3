package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.emulator.api.AwsError;

/** Field rules shared by the control-plane operations (from the service model). */
final class Validation {
    static final int MAX_BUNDLE_CHARS = 8000;
    static final int MAX_CERTIFICATES_PER_ANCHOR = 2;
    static final int MAX_CRLS_PER_ANCHOR = 2;

    private Validation() {
    }

    static String name(String name) {
        if (name == null) {
            throw AwsError.validation("\"name\" is required");
        }
        if (name.isEmpty() || name.length() > 255 || !name.matches("[ a-zA-Z0-9_-]*")) {
            throw AwsError.validation("name \"" + name + "\" must be 1-255 characters of letters, digits, space, - and _");
        }
        return name;
    }

    static String id(String id, String what) {
        if (id == null || !id.matches("[a-f0-9]{8}-([a-z0-9]{4}-){3}[a-z0-9]{12}")) {
            throw AwsError.validation(what + " id \"" + id + "\" is not a lower-case UUID");
        }
        return id;
    }

    static int duration(Integer seconds, int fallback) {
        int d = seconds == null ? fallback : seconds;
        if (d < 900 || d > 43200) {
            throw AwsError.validation("durationSeconds " + d + " must be between 900 and 43200");
        }
        return d;
    }
}
