package dev.lanyard.emulator.iam;

import java.util.Locale;
import java.util.Map;

/** The condition operators a trust policy may use; each knows how one request value matches one policy value. */
enum ConditionOperator {
    STRING_EQUALS("StringEquals", false),
    STRING_NOT_EQUALS("StringNotEquals", true),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true),
    STRING_LIKE("StringLike", false),
    STRING_NOT_LIKE("StringNotLike", true),
    ARN_EQUALS("ArnEquals", false),
    ARN_LIKE("ArnLike", false),
    ARN_NOT_EQUALS("ArnNotEquals", true),
    ARN_NOT_LIKE("ArnNotLike", true),
    BOOL("Bool", false),
    NULL("Null", false);

    private static final Map<String, ConditionOperator> BY_NAME = Map.ofEntries(
            java.util.Arrays.stream(values()).map(o -> Map.entry(o.policyName.toLowerCase(Locale.ROOT), o))
                    .toArray(Map.Entry[]::new));

    final String policyName;
    /** Negated operators succeed when no policy value matches. */
    final boolean negated;

    ConditionOperator(String policyName, boolean negated) {
        this.policyName = policyName;
        this.negated = negated;
    }

    static ConditionOperator byName(String name) {
        return BY_NAME.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether request value {@code actual} matches policy value {@code expected}, before negation. */
    boolean matches(String expected, String actual) {
        return switch (this) {
            case STRING_EQUALS, STRING_NOT_EQUALS -> expected.equals(actual);
            case STRING_EQUALS_IGNORE_CASE, STRING_NOT_EQUALS_IGNORE_CASE -> expected.equalsIgnoreCase(actual);
            case STRING_LIKE, STRING_NOT_LIKE -> Wildcard.matches(expected, actual, false);
            case ARN_EQUALS, ARN_LIKE, ARN_NOT_EQUALS, ARN_NOT_LIKE -> Wildcard.arnMatches(expected, actual);
            case BOOL -> expected.equalsIgnoreCase(actual);
            case NULL -> throw new IllegalStateException("Null is evaluated on presence, not values");
        };
    }
}
