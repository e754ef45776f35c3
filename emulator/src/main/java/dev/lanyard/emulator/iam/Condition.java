package dev.lanyard.emulator.iam;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One condition: {@code [ForAnyValue:|ForAllValues:]Operator[IfExists]} on one key with one or more
 * values (values ORed). {@link #check} returns empty when it holds, else the explanation.
 */
record Condition(String operatorText, Qualifier qualifier, ConditionOperator operator, boolean ifExists,
                 String key, List<String> values) {
    enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    static Condition parse(String operatorText, String key, List<String> values) {
        String op = operatorText;
        Qualifier q = Qualifier.NONE;
        String lower = op.toLowerCase(Locale.ROOT);
        if (lower.startsWith("foranyvalue:")) {
            q = Qualifier.FOR_ANY_VALUE;
            op = op.substring("ForAnyValue:".length());
        } else if (lower.startsWith("forallvalues:")) {
            q = Qualifier.FOR_ALL_VALUES;
            op = op.substring("ForAllValues:".length());
        }
        boolean ifExists = false;
        if (op.toLowerCase(Locale.ROOT).endsWith("ifexists") && !op.equalsIgnoreCase("Null")) {
            ifExists = true;
            op = op.substring(0, op.length() - "IfExists".length());
        }
        ConditionOperator base = ConditionOperator.byName(op);
        if (base == null) {
            throw new IllegalArgumentException("unsupported condition operator \"" + operatorText + "\"");
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("condition " + operatorText + " " + key + " has no values");
        }
        return new Condition(operatorText, q, base, ifExists, key, List.copyOf(values));
    }

    Optional<String> check(RequestContext context) {
        List<String> actual = context.values(key);
        List<String> expected = values.stream().map(context::substitute).toList();
        boolean ok;
        if (operator == ConditionOperator.NULL) {
            boolean wantAbsent = expected.stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            ok = wantAbsent == actual.isEmpty();
        } else if (actual.isEmpty()) {
            ok = switch (qualifier) {
                case FOR_ALL_VALUES -> true;
                case FOR_ANY_VALUE -> ifExists;
                case NONE -> ifExists || operator.negated;
            };
        } else {
            ok = switch (qualifier) {
                case FOR_ANY_VALUE -> actual.stream().anyMatch(a -> holds(expected, a));
                case FOR_ALL_VALUES -> actual.stream().allMatch(a -> holds(expected, a));
                case NONE -> operator.negated ? actual.stream().allMatch(a -> holds(expected, a))
                        : actual.stream().anyMatch(a -> holds(expected, a));
            };
        }
        return ok ? Optional.empty() : Optional.of(explain(expected, actual, context));
    }

    private boolean holds(List<String> expected, String actual) {
        boolean any = expected.stream().anyMatch(e -> operator.matches(e, actual));
        return operator.negated != any;
    }

    private String explain(List<String> expected, List<String> actual, RequestContext context) {
        String who = key.toLowerCase(Locale.ROOT).startsWith("aws:principaltag/") ? "certificate" : "request";
        if (operator == ConditionOperator.NULL) {
            return operatorText + " " + key + " expected the key to be " + (actual.isEmpty() ? "present" : "absent")
                    + ", " + who + (actual.isEmpty() ? " has none" : " has " + quote(actual));
        }
        String want = (operator.negated ? "not " : "") + expected.stream().map(v -> "\"" + v + "\"")
                .collect(Collectors.joining(" or "));
        String has = actual.isEmpty() ? who + " has no " + key + context.whyAbsent(key) : who + " has " + quote(actual);
        return operatorText + " " + key + " expected " + want + ", " + has;
    }

    private static String quote(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", "));
    }
}
