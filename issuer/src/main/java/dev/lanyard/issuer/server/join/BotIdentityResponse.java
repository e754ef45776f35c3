package dev.lanyard.issuer.server.join;

/**
 * The bot identity issued by join or renew: the certificate (PEM, from the host/user CA, subject
 * {@code O=<cluster>, OU=bot, CN=<bot>}), the host CA (PEM), its expiry, serial and generation.
 */
public record BotIdentityResponse(String bot, String cluster, String joinMethod, String certificate, String hostCa,
                                  String notAfter, String serial, long generation) {
}
