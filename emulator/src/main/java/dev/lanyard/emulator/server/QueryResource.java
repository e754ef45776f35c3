package dev.lanyard.emulator.server;

import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.Protocol;
import dev.lanyard.emulator.api.RawRequest;
import dev.lanyard.emulator.auth.Caller;
import dev.lanyard.emulator.auth.SigV4Authorization;
import dev.lanyard.emulator.auth.UriEncoding;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** POST / — the awsQuery protocol of IAM and STS, told apart by the SigV4 credential scope service. */
@Path("/")
public class QueryResource {
    @Inject
    EmulatorContext context;

    @POST
    @Consumes("*/*")
    public Response query(@Context HttpServerRequest http, byte[] body) {
        RawRequest req = Requests.raw(http, body);
        Map<String, String> form = form(new String(req.body(), StandardCharsets.UTF_8));
        String action = form.getOrDefault("Action", "");
        String service = SigV4Authorization.serviceOf(req.header("authorization").orElse(null));
        if (service.isEmpty()) {
            service = action.equals("GetCallerIdentity") ? "sts" : "iam";
        }
        Caller caller = context.authenticator.authenticate(req, service, Protocol.QUERY);
        if (action.isEmpty()) {
            throw new AwsError("MissingAction", 400, "Missing Action", "the form body has no Action parameter");
        }
        if (service.equals("sts")) {
            return xml(context.sts.handle(action, caller));
        }
        if (!service.equals("iam")) {
            throw new AwsError("InvalidAction", 400, "Unknown service " + service,
                    "POST / serves IAM and STS (credential scope service iam or sts)");
        }
        if (!caller.admin()) {
            throw new AwsError("AccessDenied", 403, "User: " + caller.arn() + " is not authorized to perform: iam:" + action,
                    "only the admin credentials (DATA_DIR/admin-credentials) may call the IAM control plane");
        }
        return xml(context.iam.handle(action, form));
    }

    private static Response xml(String body) {
        return Response.ok(body, "text/xml").build();
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : body.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            out.put(UriEncoding.decode(eq < 0 ? part : part.substring(0, eq), true),
                    UriEncoding.decode(eq < 0 ? "" : part.substring(eq + 1), true));
        }
        return out;
    }
}
