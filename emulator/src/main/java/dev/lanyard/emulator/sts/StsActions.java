package dev.lanyard.emulator.sts;

import dev.lanyard.emulator.api.AwsError;
import dev.lanyard.emulator.api.Xml;
import dev.lanyard.emulator.auth.Caller;

/** The STS awsQuery actions: GetCallerIdentity. */
public final class StsActions {
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";

    public String handle(String action, Caller caller) {
        if (action.equals("GetCallerIdentity")) {
            return Xml.response(action, NAMESPACE, new Xml().leaf("UserId", caller.userId())
                    .leaf("Account", caller.account()).leaf("Arn", caller.arn()).toString());
        }
        throw new AwsError("InvalidAction", 400, "Could not find operation " + action + " for version 2011-06-15",
                "the emulator's STS supports GetCallerIdentity; role sessions come from Roles Anywhere CreateSession");
    }
}
