package dev.lanyard.emulator.iam;

import java.util.List;
import java.util.Optional;

/**
 * Evaluates a trust policy as IAM does for one principal service and one action: deny by default,
 * any matching Allow whose conditions all hold allows, any matching Deny whose conditions all hold
 * wins over every Allow. Conditions are ANDed; the values of one condition are ORed.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    /** Empty when allowed, else the explanation ("trust policy: ..."). */
    public static Optional<String> check(TrustPolicy policy, String service, String action, RequestContext context) {
        boolean allowed = false;
        String firstFailure = null;
        List<TrustPolicy.Statement> statements = policy.statements();
        for (int i = 0; i < statements.size(); i++) {
            TrustPolicy.Statement s = statements.get(i);
            if (!principalMatches(s, service) || !actionMatches(s, action)) {
                continue;
            }
            Optional<String> failed = Optional.empty();
            for (Condition c : s.conditions()) {
                failed = c.check(context);
                if (failed.isPresent()) {
                    break;
                }
            }
            if (failed.isEmpty()) {
                if (!s.allow()) {
                    return Optional.of("trust policy: " + s.label(i) + " denies " + action + " to " + service
                            + (s.conditions().isEmpty() ? "" : " (all its conditions hold)") + "; an explicit Deny wins");
                }
                allowed = true;
            } else if (s.allow() && firstFailure == null) {
                firstFailure = "trust policy: " + failed.get();
            }
        }
        if (allowed) {
            return Optional.empty();
        }
        if (firstFailure != null) {
            return Optional.of(firstFailure);
        }
        return Optional.of("trust policy: no Allow statement for principal Service " + service + " and action " + action);
    }

    private static boolean principalMatches(TrustPolicy.Statement s, String service) {
        boolean listed = s.anyPrincipal() || s.services().stream().anyMatch(x -> x.equalsIgnoreCase(service));
        return s.notPrincipal() != listed;
    }

    private static boolean actionMatches(TrustPolicy.Statement s, String action) {
        boolean listed = s.actions().stream().anyMatch(a -> Wildcard.matches(a, action, true));
        return s.notAction() != listed;
    }
}
