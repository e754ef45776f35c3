/**
 * The bot ({@code lanyard bot start}): the machine agent that joins the issuer and keeps
 * {@code spiffe-svid} outputs fresh on disk, modelled on tbot. Plain Java and the JDK HTTP client;
 * it never boots Quarkus.
 *
 * <h2>Configuration</h2>
 * {@code -c bot.yaml} with tbot's keys ({@code proxy_server}/{@code auth_server}, {@code onboarding:
 * {join_method, token, ca_pins, jwt_file}}, {@code storage}, {@code credential_ttl} (1h, at most 24h),
 * {@code renewal_interval} (20m, below the TTL), {@code oneshot}, {@code diag_addr}, {@code outputs}),
 * and flags that override them or replace the file ({@link dev.lanyard.issuer.agent.ConfigFlags}).
 * Unknown keys and bad values are refused with {@code FILE:LINE: path: reason}.
 *
 * <h2>Joining (server side: {@code dev.lanyard.issuer.server.join})</h2>
 * <ul>
 *   <li>The bot generates every key itself and sends only public keys; no private key leaves the host.</li>
 *   <li>First contact: the bot reads {@code GET /v1/ping} over an unverified connection, and accepts the
 *       issuer only if a configured pin is its SPIFFE CA pin (what {@code ctl status} prints) or its host CA
 *       pin, and the TLS chain it saw is a leaf signed by the host CA with the announced pin. From then on
 *       that host CA is the only trust anchor (kept in {@code storage}); the SPIFFE CA pin is checked again
 *       against {@code GET /v1/bundle} over the pinned connection. Known limit: only the host CA pin
 *       authenticates the TLS certificate by itself; with the SPIFFE CA pin alone, an attacker on the path
 *       at the very first join could relay the public pins and present its own host CA, because the issuer
 *       does not (yet) bind its host CA to its SPIFFE CA (e.g. a host CA certificate signed by the SPIFFE
 *       CA). Pin the host CA where that matters.</li>
 *   <li>{@code token}: {@code POST /v1/bot/join} with the one-time token from {@code ctl bots add} /
 *       {@code ctl tokens add --type=bot}. The issuer refuses an unknown (already used), expired, non-bot
 *       token, or one for another bot (or a deleted one), audits the refusal
 *       ({@code bot.join.failed}, with a token hash, never the token), and otherwise deletes the token and
 *       issues a bot identity: an mTLS client certificate from the host/user CA
 *       ({@code O=<cluster>, OU=bot, CN=<bot>}), exactly like a {@code lanyard login} user identity, so
 *       the issuer authenticates the bot as {@code bot:NAME} and applies its roles (RBAC) to every SVID
 *       request ({@code POST /v1/svid}).</li>
 *   <li>Renewal: {@code POST /v1/bot/renew} over mTLS with the current identity, for a new key. The issuer
 *       keeps a generation counter per bot with the serials of the newest and the previous identity, and
 *       accepts either: if a renewal answer is lost, the bot still holds the previous identity and its
 *       next renewal succeeds (one missed step tolerated). A certificate older than that means a second
 *       holder renewed the identity (a copy): refused, audited ({@code bot.renew.failed}), and the bot
 *       needs a new token. The identity lives in {@code storage/identity.json} (0600), certificate and key
 *       in one atomically replaced file.</li>
 *   <li>{@code jwt}: no shared secret. The token names a join rule: a token resource with
 *       {@code join_method: jwt} and {@code spec.jwt: {issuer, audience, jwks_file | jwks_url | jwks,
 *       allow: [{claim: value, ...}]}}, created with {@code lanyard ctl create -f token.yaml} and checked by
 *       {@code dev.lanyard.issuer.resource.JwtJoinSpec} (known claim names only; {@code service_account:
 *       NAMESPACE:NAME} is the Kubernetes shorthand for {@code sub: system:serviceaccount:NAMESPACE:NAME};
 *       {@code jwks_url} is https, or http to a loopback address; {@code jwks_file} is absolute). The JWT
 *       (GitHub/GitLab OIDC, Kubernetes service-account token) is verified with the JDK alone
 *       (RS256/384/512, ES256/384), then issuer, audience, exp/nbf/iat and the allow rules. A JWKS URL is
 *       fetched with a 5 s connect and 10 s answer timeout and cached (max-age clamped to 1 min..1 h, else
 *       5 min); an unknown {@code kid} fetches early, at most once per 30 s; while the provider is down
 *       the last good set serves for up to 24 h; without one the join is refused ({@code UNAVAILABLE})
 *       and the audit event {@code bot.join.failed} carries the reason. Nothing is consumed; the bot
 *       re-proves itself by joining again before every renewal round, reading the JWT file afresh.</li>
 * </ul>
 *
 * <h2>Outputs</h2>
 * Each output directory holds {@code svid.pem}, {@code svid_key.pem} (0600) and {@code svid_bundle.pem}
 * as symbolic links into {@code .lanyard/current}, itself a link to a fully written version directory;
 * one rename swaps the link, so at no instant do the certificate and key on disk disagree
 * ({@link dev.lanyard.issuer.agent.SvidDirectory}). The bundle is rewritten every time, so it follows
 * CA changes. {@code reload_command} runs after each write.
 *
 * <h2>Renewal</h2>
 * {@link dev.lanyard.issuer.agent.RenewalSchedule} (pure): the earlier of {@code renewal_interval} and
 * the half-life with ±10 % jitter; after failures, exponential backoff (1 s doubling, capped at 5 min),
 * with a last attempt just before the current SVID lapses. While the issuer is unreachable the files
 * stay as they are, and the running bot renews by itself once it is back. One line per renewal:
 * {@code INFO renewed output=DIR spiffe_id=ID serial=HEX expires=TIME}; one per failure:
 * {@code WARN renewal failed output=DIR: REASON (failure N in a row; next attempt in 4s at TIME;
 * keeping the current SVID, valid until TIME)}. SIGUSR1 renews now, SIGHUP re-reads the configuration
 * (outputs added, moved or removed; a broken file is logged and the running configuration kept),
 * SIGTERM/SIGINT stop after the current round (exit 0). {@code --diag-addr HOST:PORT} serves
 * {@code /livez}, {@code /readyz} (200 once every output holds a valid SVID, else 503; the body names
 * outputs whose renewals fail, with the count and the next attempt) and {@code /metrics}
 * ({@code lanyard_bot_renewals_total}, {@code lanyard_bot_renewal_failures_total},
 * {@code lanyard_bot_renewal_failures_in_a_row}, {@code lanyard_bot_next_attempt_seconds},
 * {@code lanyard_bot_svid_expiry_seconds}, per {@code output} label, and {@code lanyard_bot_ready}).
 */
package dev.lanyard.issuer.agent;
