/**
 * The server side of bot joining and renewal: {@code POST /v1/bot/join} ({@code token} and {@code jwt}
 * methods) and {@code POST /v1/bot/renew} (mTLS, generation counter). See
 * {@code dev.lanyard.issuer.agent} for the whole design; {@link dev.lanyard.issuer.server.join.JoinRuleSpec}
 * validates the {@code spec.jwt} block of a token resource.
 */
package dev.lanyard.issuer.server.join;
