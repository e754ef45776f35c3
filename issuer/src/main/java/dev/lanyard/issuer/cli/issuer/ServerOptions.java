package dev.lanyard.issuer.cli.issuer;

import dev.lanyard.common.crypto.CryptoMode;
import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import dev.lanyard.common.spiffe.TrustDomain;
import dev.lanyard.issuer.cli.Env;
import dev.lanyard.issuer.crypto.KeyType;
import dev.lanyard.issuer.layout.DataDir;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Flags shared by {@code issuer init} and {@code issuer start}; flags override the config file. */
final class ServerOptions {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "issuer.yaml")
    Path config;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Cluster name = SPIFFE trust domain.")
    String cluster;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (or LANYARD_DATA_DIR).")
    Path dataDir;

    @Option(names = "--ca-key-type", paramLabel = "TYPE", description = "ec (default), rsa-2048 or rsa-3072.")
    String caKeyType;

    @Option(names = "--ca-passphrase-file", paramLabel = "FILE",
            description = "CA key-store passphrase (else LANYARD_CA_PASSPHRASE, else generated into the data dir).")
    Path passphraseFile;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "HTTPS listen address (start only); port 0 "
            + "binds a free port, which the ready line and DATA_DIR/issuer.addr give.")
    String listen;

    @Option(names = "--fips", description = "FIPS mode: BouncyCastle FIPS (approved-only) for all crypto, BCFKS key "
            + "stores, TLS by BCJSSE (or LANYARD_FIPS=1, or fips: true in --config). A data dir keeps the mode it "
            + "was created in.")
    boolean fips;

    @Option(names = "--public-addr", paramLabel = "HOST", description = "Extra TLS certificate name (repeatable).")
    List<String> publicAddrs = new ArrayList<>();

    record Resolved(TrustDomain cluster, DataDir dir, KeyType keyType, Path passphraseFile, Listen listen,
                    List<String> publicAddrs, CryptoMode mode) {
    }

    Resolved resolve(Env env, boolean needListen) {
        IssuerConfig c = config == null ? IssuerConfig.empty() : IssuerConfig.load(config);
        String name = cluster != null ? cluster : c.cluster();
        String dir = dataDir != null ? dataDir.toString() : c.dataDir() != null ? c.dataDir() : env.var("LANYARD_DATA_DIR");
        if (dir == null) {
            throw new LanyardException(Failure.USAGE, "no data directory: give --data-dir DIR, data_dir in --config, "
                    + "or LANYARD_DATA_DIR");
        }
        String type = caKeyType != null ? caKeyType : c.caKeyType() != null ? c.caKeyType() : "ec";
        Path pass = passphraseFile != null ? passphraseFile
                : c.caPassphraseFile() != null ? Path.of(c.caPassphraseFile()) : null;
        String listenText = listen != null ? listen : c.listen();
        if (needListen && listenText == null) {
            throw new LanyardException(Failure.USAGE, "no listen address: give --listen HOST:PORT or listen in --config");
        }
        List<String> addrs = new ArrayList<>(c.publicAddrs());
        addrs.addAll(publicAddrs);
        return new Resolved(name == null ? null : TrustDomain.parse(name), new DataDir(Path.of(dir).toAbsolutePath()),
                KeyType.parse(type), pass, listenText == null ? null : Listen.parse(listenText), addrs,
                CryptoMode.select(fips || c.fips(), env.vars()));
    }
}
