package dev.lanyard.signer.update;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.signer.session.Credentials;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pure rewrite of a shared credentials file (spec §3.6): inside {@code [PROFILE]} the
 * {@code aws_access_key_id}, {@code aws_secret_access_key} and {@code aws_session_token} lines are
 * replaced by {@code key = value}; keys that are missing are added after the section's last
 * non-blank line; a missing section is appended. Every other line — other sections, other keys,
 * comments, blank lines, line endings — is kept byte for byte.
 */
final class CredentialsFileText {
    static final List<String> KEYS = List.of("aws_access_key_id", "aws_secret_access_key", "aws_session_token");
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*([^\\]]*?)\\s*\\]\\s*(?:[#;].*)?\\r?$");
    private static final Pattern KEY = Pattern.compile("\\s*([A-Za-z0-9_.-]+)\\s*=");

    private CredentialsFileText() {
    }

    static String rewrite(String existing, String profile, Credentials c) {
        checkProfile(profile);
        List<String> values = List.of(clean(c.accessKeyId()), clean(c.secretAccessKey()), clean(c.sessionToken()));
        List<String> lines = new ArrayList<>(List.of(existing.split("\n", -1)));
        boolean trailingNewline = existing.isEmpty() || existing.endsWith("\n");
        if (trailingNewline) {
            lines.remove(lines.size() - 1);
        }
        int start = -1;
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SECTION.matcher(lines.get(i));
            if (m.matches()) {
                if (start >= 0) {
                    end = i;
                    break;
                }
                if (m.group(1).equals(profile)) {
                    start = i;
                }
            }
        }
        if (start < 0) {
            if (!lines.isEmpty() && !lines.get(lines.size() - 1).isBlank()) {
                lines.add("");
            }
            lines.add("[" + profile + "]");
            for (int k = 0; k < KEYS.size(); k++) {
                lines.add(KEYS.get(k) + " = " + values.get(k));
            }
            return String.join("\n", lines) + "\n";
        }
        boolean[] seen = new boolean[KEYS.size()];
        int lastContent = start;
        for (int i = start + 1; i < end; i++) {
            String line = lines.get(i);
            Matcher m = KEY.matcher(line);
            if (m.lookingAt()) {
                int k = KEYS.indexOf(m.group(1).toLowerCase(Locale.ROOT));
                if (k >= 0) {
                    lines.set(i, KEYS.get(k) + " = " + values.get(k) + (line.endsWith("\r") ? "\r" : ""));
                    seen[k] = true;
                }
            }
            if (!line.isBlank()) {
                lastContent = i;
            }
        }
        String cr = lines.get(start).endsWith("\r") ? "\r" : "";
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < KEYS.size(); k++) {
            if (!seen[k]) {
                missing.add(KEYS.get(k) + " = " + values.get(k) + cr);
            }
        }
        boolean appendedAtEnd = !missing.isEmpty() && lastContent + 1 == lines.size();
        lines.addAll(lastContent + 1, missing);
        return String.join("\n", lines) + (trailingNewline || appendedAtEnd ? "\n" : "");
    }

    static void checkProfile(String profile) {
        if (profile == null || profile.isBlank() || !profile.equals(profile.strip())
                || profile.chars().anyMatch(ch -> ch == '[' || ch == ']' || ch == '\n' || ch == '\r' || ch == '#' || ch == ';')) {
            throw new LanyardException(Failure.USAGE, "--profile \"" + profile + "\" is not a usable profile name: use"
                    + " a non-empty name without brackets, # or ;, and no surrounding spaces");
        }
    }

    private static String clean(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new LanyardException(Failure.REMOTE_REFUSED, "CreateSession returned a credential value with a line break;"
                    + " refusing to write it");
        }
        return value;
    }
}
