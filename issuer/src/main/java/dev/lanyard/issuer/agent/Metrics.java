package dev.lanyard.issuer.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The Prometheus text exposition of the outputs' state (format 0.0.4). */
final class Metrics {
    private Metrics() {
    }

    static String render(List<OutputState> states, Instant now) {
        StringBuilder sb = new StringBuilder();
        sb.append("# HELP lanyard_bot_renewals_total SVIDs written per output.\n");
        sb.append("# TYPE lanyard_bot_renewals_total counter\n");
        states.forEach(s -> line(sb, "lanyard_bot_renewals_total", s, Long.toString(s.renewals())));
        sb.append("# HELP lanyard_bot_renewal_failures_total Failed renewal attempts per output.\n");
        sb.append("# TYPE lanyard_bot_renewal_failures_total counter\n");
        states.forEach(s -> line(sb, "lanyard_bot_renewal_failures_total", s, Long.toString(s.failures())));
        sb.append("# HELP lanyard_bot_renewal_failures_in_a_row Failed attempts since the output's last renewal.\n");
        sb.append("# TYPE lanyard_bot_renewal_failures_in_a_row gauge\n");
        states.forEach(s -> line(sb, "lanyard_bot_renewal_failures_in_a_row", s, Integer.toString(s.failuresInARow())));
        sb.append("# HELP lanyard_bot_next_attempt_seconds Seconds until the output's next renewal attempt.\n");
        sb.append("# TYPE lanyard_bot_next_attempt_seconds gauge\n");
        states.forEach(s -> line(sb, "lanyard_bot_next_attempt_seconds", s,
                Long.toString(Math.max(0, Duration.between(now, s.next()).toSeconds()))));
        sb.append("# HELP lanyard_bot_svid_expiry_seconds Seconds until the output's SVID expires (negative: expired).\n");
        sb.append("# TYPE lanyard_bot_svid_expiry_seconds gauge\n");
        for (OutputState s : states) {
            if (s.notAfter() != null) {
                line(sb, "lanyard_bot_svid_expiry_seconds", s, Long.toString(Duration.between(now, s.notAfter())
                        .toSeconds()));
            }
        }
        sb.append("# HELP lanyard_bot_ready 1 when every output holds a valid SVID.\n");
        sb.append("# TYPE lanyard_bot_ready gauge\n");
        sb.append("lanyard_bot_ready ").append(ready(states, now) ? 1 : 0).append('\n');
        return sb.toString();
    }

    /**
     * The {@code /readyz} body: {@code ok}, or why not; while renewals fail but the SVIDs are still
     * valid the bot stays ready and the body says which outputs are backing off.
     */
    static String readiness(List<OutputState> states, Instant now) {
        StringBuilder sb = new StringBuilder(ready(states, now) ? "ok\n" : "not ready: an output has no valid SVID\n");
        for (OutputState s : states) {
            if (s.failuresInARow() > 0 || !s.validAt(now)) {
                sb.append("output ").append(s.output().name()).append(": ")
                        .append(s.validAt(now) ? "SVID valid until " + s.notAfter() : "no valid SVID")
                        .append(", ").append(s.failuresInARow()).append(" failed renewals in a row, next attempt in ")
                        .append(Math.max(0, Duration.between(now, s.next()).toSeconds())).append("s\n");
            }
        }
        return sb.toString();
    }

    static boolean ready(List<OutputState> states, Instant now) {
        return !states.isEmpty() && states.stream().allMatch(s -> s.validAt(now));
    }

    private static void line(StringBuilder sb, String name, OutputState s, String value) {
        sb.append(name).append("{output=\"").append(escape(s.output().name())).append("\"} ").append(value)
                .append('\n');
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
