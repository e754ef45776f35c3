package dev.lanyard.issuer.server;

/** Who is calling, from the mTLS client certificate: the local admin, a user or a bot. */
public record Caller(Type type, String name) {
    public enum Type {
        ADMIN, USER, BOT;

        public String unit() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean admin() {
        return type == Type.ADMIN;
    }

    /** {@code user:alice}, {@code bot:ci}, {@code admin:admin}, as audit events show callers. */
    public String label() {
        return type.unit() + ":" + name;
    }
}
