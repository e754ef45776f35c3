package dev.lanyard.signer.session;

/** A reply: status, the {@code x-amzn-errortype} header (or null) and the body as UTF-8 text. */
public record HttpReply(int status, String errorType, String body) {
}
