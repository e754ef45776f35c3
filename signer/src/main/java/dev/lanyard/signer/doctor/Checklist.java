package dev.lanyard.signer.doctor;

import java.util.ArrayList;
import java.util.List;

/** The doctor's result: the checks in order, rendered one per line with the fix under each failure. */
public final class Checklist {
    private final List<Check> checks = new ArrayList<>();

    void add(Check c) {
        checks.add(c);
    }

    public List<Check> checks() {
        return List.copyOf(checks);
    }

    /** 0 when nothing failed, else the exit code of the first failure. */
    public int exitCode() {
        for (Check c : checks) {
            if (c.status() == Check.Status.FAIL) {
                return c.failure().exitCode();
            }
        }
        return 0;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        int pass = 0;
        int fail = 0;
        int warn = 0;
        for (Check c : checks) {
            sb.append(String.format("%-4s  %-26s %s%n", c.status(), c.name(), c.detail()));
            if (c.fix() != null) {
                sb.append(String.format("      %-26s fix: %s%n", "", c.fix()));
            }
            switch (c.status()) {
                case PASS -> pass++;
                case FAIL -> fail++;
                case WARN -> warn++;
                default -> { }
            }
        }
        sb.append(fail == 0 ? "ok: " : "problems found: ").append(pass).append(" passed, ").append(fail)
                .append(" failed, ").append(warn).append(" warnings").append(System.lineSeparator());
        return sb.toString();
    }
}
