package dev.lanyard.e2e;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * bin/journey: runs the whole journey in a temporary directory, prints each step as the user would
 * type it, and stops its processes on exit (also on Ctrl-C). {@code --keep} keeps the directory.
 */
public final class JourneyMain {
    private JourneyMain() {
    }

    public static void main(String[] args) throws IOException {
        boolean keep = args.length > 0 && args[0].equals("--keep");
        Path repo = Path.of(System.getProperty("lanyard.home", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("lanyard-journey-");
        Journey journey = new Journey(repo, work, System.out);
        Thread cleanup = new Thread(() -> {
            journey.close();
            if (!keep) {
                delete(work);
            }
        });
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            journey.startServices();
            journey.status();
            journey.trustAnchor();
            journey.roleAndProfile();
            journey.rbac();
            Path humanDir = journey.humanSvid();
            journey.awsConfig(humanDir);
            String arn = journey.callerIdentityCli();
            journey.callerIdentitySdk();
            Path botDir = journey.botSvid();
            journey.awsConfig(botDir);
            journey.callerIdentityCli();
            Command.Result refused = journey.refusal();
            if (refused.ok()) {
                throw new JourneyException("the signer obtained credentials for a SPIFFE ID the trust policy does not allow");
            }
            try (Renewal renewal = new Renewal(journey)) {
                renewal.startBot();
                journey.awsConfig(renewal.directory());
                journey.callerIdentityCli();
                String renewed = Renewal.hex(renewal.renewNow());
                String after = journey.callerIdentityCli();
                if (!after.endsWith("/" + renewed)) {
                    throw new JourneyException("after the renewal the signer still used the old SVID: " + after);
                }
            }
            System.out.println();
            System.out.println("Journey complete: " + arn + (keep ? " (files kept in " + work + ")" : ""));
        } catch (JourneyException e) {
            System.err.println("journey: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a temporary directory; the system cleans it eventually
        }
    }
}
