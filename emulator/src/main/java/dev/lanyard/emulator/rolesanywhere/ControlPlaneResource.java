package dev.lanyard.emulator.rolesanywhere;

import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.JsonBody;
import dev.lanyard.emulator.api.Protocol;
import dev.lanyard.emulator.api.RawRequest;
import dev.lanyard.emulator.auth.Caller;
import dev.lanyard.emulator.server.EmulatorContext;
import dev.lanyard.emulator.server.Requests;
import dev.lanyard.emulator.store.Crl;
import dev.lanyard.emulator.store.Profile;
import dev.lanyard.emulator.store.TrustAnchor;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** The Roles Anywhere control plane (restJson1 routes of the service model), admin-signed. */
@Path("/")
@Consumes("*/*")
public class ControlPlaneResource {
    @Inject
    EmulatorContext ctx;

    @POST
    @Path("trustanchors")
    public Response createTrustAnchor(@Context HttpServerRequest http, byte[] body) {
        JsonBody b = admin(http, body);
        return json(201, ctx.json.wrap("trustAnchor", ctx.json.trustAnchor(ctx.trustAnchors.create(b))));
    }

    @GET
    @Path("trustanchors")
    public Response listTrustAnchors(@Context HttpServerRequest http) {
        admin(http, null);
        return json(200, ctx.json.list("trustAnchors", ctx.trustAnchors.list().stream().map(ctx.json::trustAnchor).toList()));
    }

    @GET
    @Path("trustanchor/{id}")
    public Response getTrustAnchor(@PathParam("id") String id, @Context HttpServerRequest http) {
        admin(http, null);
        return trustAnchor(ctx.trustAnchors.get(id));
    }

    @PATCH
    @Path("trustanchor/{id}")
    public Response updateTrustAnchor(@PathParam("id") String id, @Context HttpServerRequest http, byte[] body) {
        return trustAnchor(ctx.trustAnchors.update(id, admin(http, body)));
    }

    @DELETE
    @Path("trustanchor/{id}")
    public Response deleteTrustAnchor(@PathParam("id") String id, @Context HttpServerRequest http) {
        admin(http, null);
        return trustAnchor(ctx.trustAnchors.delete(id));
    }

    @POST
    @Path("trustanchor/{id}/{action:enable|disable}")
    public Response toggleTrustAnchor(@PathParam("id") String id, @PathParam("action") String action, @Context HttpServerRequest http, byte[] body) {
        admin(http, body);
        return trustAnchor(ctx.trustAnchors.setEnabled(id, action.equals("enable")));
    }

    @POST
    @Path("profiles")
    public Response createProfile(@Context HttpServerRequest http, byte[] body) {
        JsonBody b = admin(http, body);
        return json(201, ctx.json.wrap("profile", ctx.json.profile(ctx.profiles.create(b))));
    }

    @GET
    @Path("profiles")
    public Response listProfiles(@Context HttpServerRequest http) {
        admin(http, null);
        return json(200, ctx.json.list("profiles", ctx.profiles.list().stream().map(ctx.json::profile).toList()));
    }

    @GET
    @Path("profile/{id}")
    public Response getProfile(@PathParam("id") String id, @Context HttpServerRequest http) {
        admin(http, null);
        return profile(ctx.profiles.get(id));
    }

    @PATCH
    @Path("profile/{id}")
    public Response updateProfile(@PathParam("id") String id, @Context HttpServerRequest http, byte[] body) {
        return profile(ctx.profiles.update(id, admin(http, body)));
    }

    @DELETE
    @Path("profile/{id}")
    public Response deleteProfile(@PathParam("id") String id, @Context HttpServerRequest http) {
        admin(http, null);
        return profile(ctx.profiles.delete(id));
    }

    @POST
    @Path("profile/{id}/{action:enable|disable}")
    public Response toggleProfile(@PathParam("id") String id, @PathParam("action") String action, @Context HttpServerRequest http, byte[] body) {
        admin(http, body);
        return profile(ctx.profiles.setEnabled(id, action.equals("enable")));
    }

    @PUT
    @Path("profiles/{id}/mappings")
    public Response putAttributeMapping(@PathParam("id") String id, @Context HttpServerRequest http, byte[] body) {
        return profile(ctx.profiles.putMapping(id, admin(http, body)));
    }

    @DELETE
    @Path("profiles/{id}/mappings")
    public Response deleteAttributeMapping(@PathParam("id") String id, @QueryParam("certificateField") String field,
                                           @QueryParam("specifiers") List<String> specifiers, @Context HttpServerRequest http) {
        admin(http, null);
        return profile(ctx.profiles.deleteMapping(id, field, specifiers));
    }

    @POST
    @Path("crls")
    public Response importCrl(@Context HttpServerRequest http, byte[] body) {
        JsonBody b = admin(http, body);
        return json(201, ctx.json.wrap("crl", ctx.json.crl(ctx.crls.importCrl(b))));
    }

    @GET
    @Path("crls")
    public Response listCrls(@Context HttpServerRequest http) {
        admin(http, null);
        return json(200, ctx.json.list("crls", ctx.crls.list().stream().map(ctx.json::crl).toList()));
    }

    @GET
    @Path("crl/{id}")
    public Response getCrl(@PathParam("id") String id, @Context HttpServerRequest http) {
        admin(http, null);
        return crl(ctx.crls.get(id));
    }

    @PATCH
    @Path("crl/{id}")
    public Response updateCrl(@PathParam("id") String id, @Context HttpServerRequest http, byte[] body) {
        return crl(ctx.crls.update(id, admin(http, body)));
    }

    @DELETE
    @Path("crl/{id}")
    public Response deleteCrl(@PathParam("id") String id, @Context HttpServerRequest http) {
        admin(http, null);
        return crl(ctx.crls.delete(id));
    }

    @POST
    @Path("crl/{id}/{action:enable|disable}")
    public Response toggleCrl(@PathParam("id") String id, @PathParam("action") String action, @Context HttpServerRequest http, byte[] body) {
        admin(http, body);
        return crl(ctx.crls.setEnabled(id, action.equals("enable")));
    }

    private JsonBody admin(HttpServerRequest http, byte[] body) {
        RawRequest req = Requests.raw(http, body);
        Caller caller = ctx.authenticator.authenticate(req, "rolesanywhere", Protocol.REST_JSON);
        if (!caller.admin()) {
            throw AwsError.accessDenied("User: " + caller.arn() + " is not authorized to perform this action",
                    "only the admin credentials (DATA_DIR/admin-credentials) may call the Roles Anywhere control plane");
        }
        return JsonBody.parse(req.body());
    }

    private Response trustAnchor(TrustAnchor t) {
        return json(200, ctx.json.wrap("trustAnchor", ctx.json.trustAnchor(t)));
    }

    private Response profile(Profile p) {
        return json(200, ctx.json.wrap("profile", ctx.json.profile(p)));
    }

    private Response crl(Crl c) {
        return json(200, ctx.json.wrap("crl", ctx.json.crl(c)));
    }

    private static Response json(int status, String body) {
        return Response.status(status).type("application/json").entity(body).build();
    }
}
