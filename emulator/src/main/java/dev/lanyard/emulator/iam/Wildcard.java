package dev.lanyard.emulator.iam;

import java.util.Locale;

/** IAM glob matching: {@code *} any run of characters, {@code ?} any one character. */
final class Wildcard {
    private Wildcard() {
    }

    static boolean matches(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int pi = 0;
        int vi = 0;
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /** ArnLike/ArnEquals: each of the six colon-separated parts matched on its own. */
    static boolean arnMatches(String pattern, String value) {
        String[] p = pattern.split(":", 6);
        String[] v = value.split(":", 6);
        if (p.length != 6 || v.length != 6 || !v[0].equals("arn")) {
            return pattern.equals("*");
        }
        for (int i = 0; i < 6; i++) {
            if (!matches(p[i], v[i], false)) {
                return false;
            }
        }
        return true;
    }
}
