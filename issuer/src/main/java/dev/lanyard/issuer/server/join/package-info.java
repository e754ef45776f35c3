/**
 * The server side of bot joining and renewal: {@code POST /v1/bot/join} ({@code token} and {@code jwt}
 * methods) and {@code POST /v1/bot/renew} (mTLS, generation counter). See
 * {@code dev.lanyard.issuer.agent} for the whole design, including the generation counter that lets a
 * bot whose renewal answer was lost renew once more from its previous identity
 * ({@link dev.lanyard.issuer.server.join.Generations}). The {@code spec.jwt} block of a token resource is
 * checked by {@link dev.lanyard.issuer.resource.JwtJoinSpec}, the same for {@code ctl create} and at
 * join time; JWKS URLs are fetched and cached by {@link dev.lanyard.issuer.server.join.JwksSource}.
 */
package dev.lanyard.issuer.server.join;
