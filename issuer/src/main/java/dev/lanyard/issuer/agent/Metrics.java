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
