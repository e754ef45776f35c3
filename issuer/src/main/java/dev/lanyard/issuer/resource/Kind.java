package dev.lanyard.issuer.resource;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.util.Locale;

/** The resource kinds {@code ctl} manages, each with its one accepted version. */
public enum Kind {
    ROLE("role", "roles", "v6"),
    USER("user", "users", "v2"),
    BOT("bot", "bots", "v1"),
    TOKEN("token", "tokens", "v2");

    private final String id;
    private final String plural;
    private final String version;

    Kind(String id, String plural, String version) {
        this.id = id;
        this.plural = plural;
        this.version = version;
    }

    public String id() {
        return id;
    }

    public String plural() {
        return plural;
    }

    public String version() {
        return version;
    }

    /** Accepts the singular or plural name: {@code role}, {@code roles}. */
    public static Kind parse(String text) {
        String t = text == null ? "" : text.toLowerCase(Locale.ROOT);
        for (Kind k : values()) {
            if (k.id.equals(t) || k.plural.equals(t)) {
                return k;
            }
        }
        throw new LanyardException(Failure.INVALID_INPUT, "unknown resource kind '" + text
                + "'; use role, user, bot or token");
    }
}
