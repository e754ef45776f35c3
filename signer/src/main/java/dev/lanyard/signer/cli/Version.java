package dev.lanyard.signer.cli;

import picocli.CommandLine;

/** The version from the jar manifest ({@code Implementation-Version}), {@code dev} when run from classes. */
final class Version {
    private Version() {
    }

    static String get() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    static String userAgent() {
        return "lanyard-signer/" + get() + " (java " + Runtime.version().feature() + ")";
    }

    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {get()};
        }
    }
}
