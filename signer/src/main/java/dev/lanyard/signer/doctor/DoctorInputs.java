package dev.lanyard.signer.doctor;

import dev.lanyard.common.crypto.CryptoMode;
import java.io.InputStream;
import java.util.Map;

/** The doctor's flags as given (unvalidated: validating them is the doctor's job). */
public record DoctorInputs(String certificate, String privateKey, String intermediates, char[] password,
                           String trustAnchorBundle, String trustAnchorArn, String profileArn, String roleArn,
                           String region, int sessionDuration, String roleSessionName, String endpoint,
                           boolean useFipsEndpoint, boolean noVerifySsl, CryptoMode mode,
                           Map<String, String> env, InputStream stdin) {
}
