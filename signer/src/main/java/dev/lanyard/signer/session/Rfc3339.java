package dev.lanyard.signer.session;

import java.time.Instant;

/**
 * Parses RFC 3339 timestamps ({@code 2026-11-25T05:00:00Z}, {@code …:00.123Z}, {@code …:00+01:00})
 * without {@link java.time.format.DateTimeFormatter}, whose initialisation costs more than a whole
 * credential cache hit. Returns null for anything else (including a timestamp without offset).
 */
final class Rfc3339 {
    private Rfc3339() {
    }

    static Instant parse(String s) {
        if (s == null || s.length() < 20 || s.charAt(4) != '-' || s.charAt(7) != '-'
                || (s.charAt(10) != 'T' && s.charAt(10) != 't') || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        try {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 2);
            int day = digits(s, 8, 2);
            int hour = digits(s, 11, 2);
            int minute = digits(s, 14, 2);
            int second = digits(s, 17, 2);
            int pos = 19;
            long nanos = 0;
            if (pos < s.length() && s.charAt(pos) == '.') {
                int start = ++pos;
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                if (pos == start || pos - start > 9) {
                    return null;
                }
                nanos = Long.parseLong((s.substring(start, pos) + "00000000").substring(0, 9));
            }
            if (pos >= s.length()) {
                return null;
            }
            int offsetSeconds;
            char z = s.charAt(pos);
            if ((z == 'Z' || z == 'z') && pos + 1 == s.length()) {
                offsetSeconds = 0;
            } else if ((z == '+' || z == '-') && pos + 6 == s.length() && s.charAt(pos + 3) == ':') {
                int oh = digits(s, pos + 1, 2);
                int om = digits(s, pos + 4, 2);
                if (oh > 23 || om > 59) {
                    return null;
                }
                offsetSeconds = (z == '+' ? 1 : -1) * (oh * 3600 + om * 60);
            } else {
                return null;
            }
            if (hour > 23 || minute > 59 || second > 60 || month < 1 || month > 12 || day < 1
                    || day > daysInMonth(year, month)) {
                return null;
            }
            long epochDay = epochDay(year, month, day);
            long epochSecond = epochDay * 86400 + hour * 3600L + minute * 60L + Math.min(second, 59) - offsetSeconds;
            return Instant.ofEpochSecond(epochSecond, nanos);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil); no java.time.chrono. */
    static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + doe - 719468;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(s);
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
