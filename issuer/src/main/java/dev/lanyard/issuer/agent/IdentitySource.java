package dev.lanyard.issuer.agent;

/** Where a renewal round gets a current bot identity ({@link Joiner} against a real issuer). */
@FunctionalInterface
interface IdentitySource {
    BotIdentity refresh(BotConfig config);
}
