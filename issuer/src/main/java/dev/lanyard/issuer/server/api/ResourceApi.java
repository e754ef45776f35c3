package dev.lanyard.issuer.server.api;

import dev.lanyard.issuer.resource.Kind;
import dev.lanyard.issuer.resource.Resource;
import dev.lanyard.issuer.resource.ResourceParser;
import dev.lanyard.issuer.server.Issuer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Resource documents: {@code GET /v1/resources/KIND[/NAME]}, {@code POST /v1/resources[?replace=true]}
 * (body: one document), {@code DELETE /v1/resources/KIND/NAME}. RBAC resource rules apply.
 */
@Path("/v1/resources")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ResourceApi {
    @Inject
    Issuer issuer;

    @GET
    @Path("/{kind}")
    public List<Map<String, Object>> list(@PathParam("kind") String kind, @Context HttpServerRequest http) {
        return issuer.resources().list(Peer.caller(issuer, http), Kind.parse(kind)).stream()
                .map(Resource::document).toList();
    }

    @GET
    @Path("/{kind}/{name}")
    public Map<String, Object> get(@PathParam("kind") String kind, @PathParam("name") String name,
                                   @Context HttpServerRequest http) {
        return issuer.resources().get(Peer.caller(issuer, http), Kind.parse(kind), name).document();
    }

    @POST
    public Map<String, Object> put(Map<String, Object> document, @QueryParam("replace") boolean replace,
                                   @Context HttpServerRequest http) {
        var caller = Peer.caller(issuer, http);
        Resource r = ResourceParser.parse(document, "request");
        return issuer.resources().put(caller, r, replace).document();
    }

    @DELETE
    @Path("/{kind}/{name}")
    public Map<String, Object> delete(@PathParam("kind") String kind, @PathParam("name") String name,
                                      @Context HttpServerRequest http) {
        issuer.resources().delete(Peer.caller(issuer, http), Kind.parse(kind), name);
        return Map.of("deleted", Kind.parse(kind).id() + "/" + name);
    }
}
