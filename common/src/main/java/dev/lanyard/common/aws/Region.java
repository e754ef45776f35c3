package dev.lanyard.common.aws;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;

/**
 * An AWS region for signing. FIPS microformats ({@code fips-us-east-1}, {@code us-east-1-fips}) are
 * normalised: {@link #name()} is the plain signing region and {@link #fips()} records the request.
 * A microformat never reaches a SigV4 credential scope.
 */
public record Region(String name, boolean fips) {
    public Region {
        if (name == null || !name.matches("[a-z]{2}(-[a-z]+)+-[0-9]+")) {
            throw new LanyardException(Failure.INVALID_INPUT,
                    "invalid region \"" + name + "\": expected a name such as us-east-1");
        }
    }

    public static Region parse(String text) {
        if (text == null || text.isBlank()) {
            throw new LanyardException(Failure.INVALID_INPUT, "region is empty");
        }
        String s = text.trim();
        if (s.startsWith("fips-")) {
            return new Region(s.substring(5), true);
        }
        if (s.endsWith("-fips")) {
            return new Region(s.substring(0, s.length() - 5), true);
        }
        return new Region(s, false);
    }

    public Region withFips(boolean on) {
        return new Region(name, fips || on);
    }

    /** The Roles Anywhere host for this region: the FIPS host when FIPS was asked for. */
    public String rolesAnywhereHost() {
        String suffix = name.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com";
        return (fips ? "rolesanywhere-fips." : "rolesanywhere.") + name + suffix;
    }

    @Override
    public String toString() {
        return name;
    }
}
