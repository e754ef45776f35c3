package dev.lanyard.issuer.cli;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;

/** {@code --format text|yaml|json}. */
public final class Formats {
    private Formats() {
    }

    public static boolean json(String format) {
        return switch (format) {
            case "json" -> true;
            case "text", "yaml" -> false;
            default -> throw new LanyardException(Failure.USAGE, "unknown --format '" + format + "'; use text or json");
        };
    }
}
