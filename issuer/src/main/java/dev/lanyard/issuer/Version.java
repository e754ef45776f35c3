package dev.lanyard.issuer;

/** The version printed by {@code ctl status} and {@code --version}. */
public final class Version {
    public static final String VALUE = "0.1.0";

    private Version() {
    }
}
