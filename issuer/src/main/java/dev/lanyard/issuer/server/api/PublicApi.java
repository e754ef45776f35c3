package dev.lanyard.issuer.server.api;

import dev.lanyard.issuer.server.Caller;
import dev.lanyard.issuer.server.Issuer;
import dev.lanyard.issuer.wire.BundleResponse;
import dev.lanyard.issuer.wire.IdentityResponse;
import dev.lanyard.issuer.wire.LoginRequest;
import dev.lanyard.issuer.wire.PasswordRequest;
import dev.lanyard.issuer.wire.StatusResponse;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.issuer.crypto.TlsProviders;
import dev.lanyard.issuer.wire.CaProofRequest;
import dev.lanyard.issuer.wire.CaProofResponse;
import dev.lanyard.issuer.wire.TlsResponse;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import javax.net.ssl.SSLSession;

/**
 * Routes that need no client identity: {@code GET /v1/ping} (cluster, version, CA pins),
 * {@code GET /v1/bundle} (the SPIFFE trust bundle), {@code GET /v1/tls} (protocol, cipher suite and JSSE
 * provider of this connection), {@code POST /v1/ca/proof} (the SPIFFE CA(s) sign a client nonce bound to
 * the host CA and this connection's TLS certificate), {@code POST /v1/login} (password login) and
 * {@code POST /v1/users/NAME/password} (with a setup token, or by an admin identity).
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PublicApi {
    @Inject
    Issuer issuer;

    @GET
    @Path("/ping")
    public StatusResponse ping() {
        return issuer.status();
    }

    @GET
    @Path("/bundle")
    public BundleResponse bundle() {
        return issuer.bundleResponse();
    }

    @GET
    @Path("/tls")
    public TlsResponse tls(@Context HttpServerRequest http) {
        SSLSession session = http.sslSession();
        if (session == null) {
            throw new LanyardException(Failure.USAGE, "not a TLS connection");
        }
        return new TlsResponse(session.getProtocol(), session.getCipherSuite(), TlsProviders.of(session),
                issuer.fips());
    }

    @POST
    @Path("/ca/proof")
    public CaProofResponse caProof(CaProofRequest request, @Context HttpServerRequest http) {
        SSLSession session = http.sslSession();
        Certificate[] local = session == null ? null : session.getLocalCertificates();
        X509Certificate tls = local != null && local.length > 0 && local[0] instanceof X509Certificate x ? x : null;
        return issuer.caProof(request == null ? null : request.nonce(), tls);
    }

    @POST
    @Path("/login")
    public IdentityResponse login(LoginRequest request, @Context HttpServerRequest http) {
        return issuer.logins().login(request, Peer.remote(http));
    }

    @POST
    @Path("/users/{name}/password")
    public StatusResponse password(@PathParam("name") String name, PasswordRequest request,
                                   @Context HttpServerRequest http) {
        Caller caller = Peer.certificate(http) == null ? null : Peer.caller(issuer, http);
        issuer.logins().setPassword(caller, name, request);
        return issuer.status();
    }
}
