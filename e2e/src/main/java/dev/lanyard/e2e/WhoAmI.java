package dev.lanyard.e2e;

import java.net.URI;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * A small application using the AWS SDK for Java v2 with its default credentials chain: run with
 * {@code AWS_PROFILE=use-roles-anywhere}, the SDK runs the profile's credential_process (lanyard-signer).
 * Usage: {@code WhoAmI STS_ENDPOINT_URL}.
 */
public final class WhoAmI {
    private WhoAmI() {
    }

    public static void main(String[] args) {
        try (StsClient sts = StsClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(URI.create(args[0]))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            GetCallerIdentityResponse me = sts.getCallerIdentity();
            System.out.println("Account: " + me.account());
            System.out.println("Arn: " + me.arn());
        }
    }
}
