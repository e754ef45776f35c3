package dev.lanyard.emulator.rolesanywhere;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanyard.emulator.server.EmulatorContext;
import dev.lanyard.emulator.server.Requests;
import dev.lanyard.emulator.store.Session;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

/** POST /sessions — CreateSession, authenticated by SigV4-X509 (not by admin credentials). */
@Path("/sessions")
public class SessionResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EmulatorContext ctx;

    @POST
    @Consumes("*/*")
    public Response create(@Context HttpServerRequest http, byte[] body) {
        CreateSession.Outcome o = ctx.createSession.create(Requests.raw(http, body));
        Session s = o.session();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode set = root.putArray("credentialSet").addObject();
        set.putObject("assumedRoleUser").put("arn", s.assumedRoleArn()).put("assumedRoleId", s.assumedRoleId());
        set.putObject("credentials").put("accessKeyId", s.accessKeyId()).put("expiration", s.expiration().toString())
                .put("secretAccessKey", s.secretAccessKey()).put("sessionToken", s.sessionToken());
        set.put("packedPolicySize", o.packedPolicySize());
        set.put("roleArn", s.roleArn());
        set.put("sourceIdentity", o.sourceIdentity());
        root.put("subjectArn", o.subjectArn());
        return Response.status(201).type("application/json").entity(root.toString()).build();
    }
}
