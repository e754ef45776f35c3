package dev.lanyard.issuer.server.policy;

import java.util.Locale;
import java.util.regex.Pattern;

/** Glob matching where {@code *} matches any run of characters (including {@code /}); nothing else is special. */
final class Glob {
    private Glob() {
    }

    static boolean matches(String glob, String value) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            if (!parts[i].isEmpty()) {
                re.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    static boolean matchesDns(String glob, String name) {
        return matches(glob.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
    }
}
