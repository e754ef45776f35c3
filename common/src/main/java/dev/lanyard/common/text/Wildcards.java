package dev.lanyard.common.text;

/**
 * Wildcard matching where {@code *} matches any run of characters (including {@code /} and none) and,
 * when asked, {@code ?} matches any one character; nothing else is special. Matched directly (the
 * two-pointer walk that backtracks to the last {@code *}), not through a regular expression compiled per
 * check: the issuer's RBAC and the emulator's IAM policies evaluate it on every request.
 */
public final class Wildcards {
    private Wildcards() {
    }

    /** {@code *} only, case-sensitive. */
    public static boolean matches(String pattern, String value) {
        return matches(pattern, value, false);
    }

    /** {@code *} and, if {@code questionMark}, {@code ?}; case-sensitive. */
    public static boolean matches(String pattern, String value, boolean questionMark) {
        int p = 0;
        int v = 0;
        int star = -1;
        int resume = 0;
        while (v < value.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = v;
            } else if (p < pattern.length()
                    && (pattern.charAt(p) == value.charAt(v) || questionMark && pattern.charAt(p) == '?')) {
                p++;
                v++;
            } else if (star >= 0) {
                p = star + 1;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
