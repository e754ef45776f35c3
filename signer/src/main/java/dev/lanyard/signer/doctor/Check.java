package dev.lanyard.signer.doctor;

import dev.lanyard.common.error.Failure;

/** One line of the checklist: what was checked, the outcome, and for a failure how to fix it. */
public record Check(Status status, String name, String detail, String fix, Failure failure) {
    public enum Status { PASS, FAIL, WARN, INFO, SKIP }

    static Check pass(String name, String detail) {
        return new Check(Status.PASS, name, detail, null, null);
    }

    static Check fail(String name, String detail, String fix, Failure failure) {
        return new Check(Status.FAIL, name, detail, fix, failure);
    }

    static Check warn(String name, String detail, String fix) {
        return new Check(Status.WARN, name, detail, fix, null);
    }

    static Check info(String name, String detail) {
        return new Check(Status.INFO, name, detail, null, null);
    }

    static Check skip(String name, String detail) {
        return new Check(Status.SKIP, name, detail, null, null);
    }
}
