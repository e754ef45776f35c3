package dev.lanyard.signer.serve;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Sets the IP TTL / IPv6 hop limit of the listening socket; Linux copies it to every accepted
 * connection, so with 1 no response can leave the host's network (IMDS parity). The JDK has no
 * unicast-TTL socket option and the HTTP server does not expose its socket, so the listening socket is
 * found through {@code /proc} (its port, then its inode among this process's descriptors) and set with
 * {@code setsockopt} through the FFM API. The default 64 is the kernel's own: nothing is done then.
 */
final class HopLimit {
    static final int DEFAULT = 64;
    private static final int IPPROTO_IP = 0;
    private static final int IP_TTL = 2;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_UNICAST_HOPS = 16;

    private HopLimit() {
    }

    static void apply(int port, int hops) {
        if (hops == DEFAULT) {
            return;
        }
        if (hops < 1 || hops > 255) {
            throw new LanyardException(Failure.USAGE, "--hop-limit " + hops + " is out of range: use 1 to 255");
        }
        try {
            int fd = listeningDescriptor(port);
            int v4 = setsockopt(fd, IPPROTO_IP, IP_TTL, hops);
            int v6 = setsockopt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, hops);
            if (v4 != 0 && v6 != 0) {
                throw new IOException("setsockopt failed");
            }
        } catch (IOException | RuntimeException e) {
            throw new LanyardException(Failure.UNAVAILABLE, "cannot set --hop-limit " + hops + " on port " + port
                    + " (" + e.getMessage() + "); this needs Linux and --enable-native-access=ALL-UNNAMED", e);
        }
    }

    /** What the listening socket of {@code port} holds (for tests): {IPv4 TTL, IPv6 hop limit}, -1 where not applicable. */
    static int[] read(int port) throws IOException {
        int fd = listeningDescriptor(port);
        return new int[] {getsockopt(fd, IPPROTO_IP, IP_TTL), getsockopt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS)};
    }

    static int listeningDescriptor(int port) throws IOException {
        String inode = null;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (inode == null && Files.isReadable(p)) {
                inode = inodeOf(Files.readAllLines(p), port);
            }
        }
        if (inode == null) {
            throw new IOException("no listening socket on port " + port + " in /proc/net/tcp");
        }
        String target = "socket:[" + inode + "]";
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    if (Files.readSymbolicLink(fd).toString().equals(target)) {
                        return Integer.parseInt(fd.getFileName().toString());
                    }
                } catch (IOException gone) {
                    // descriptor closed while listing
                }
            }
        }
        throw new IOException("the socket of port " + port + " is not one of this process's descriptors");
    }

    static String inodeOf(List<String> lines, int port) {
        String hexPort = ":" + String.format(Locale.ROOT, "%04X", port);
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                return f[9];
            }
        }
        return null;
    }

    private static int setsockopt(int fd, int level, int name, int value) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ValueLayout.JAVA_INT);
            v.set(ValueLayout.JAVA_INT, 0, value);
            return (int) handle("setsockopt", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT))
                    .invokeExact(fd, level, name, v, 4);
        } catch (Throwable t) {
            throw new IllegalStateException("setsockopt: " + t, t);
        }
    }

    private static int getsockopt(int fd, int level, int name) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment v = arena.allocate(ValueLayout.JAVA_INT);
            MemorySegment len = arena.allocate(ValueLayout.JAVA_INT);
            len.set(ValueLayout.JAVA_INT, 0, 4);
            int rc = (int) handle("getsockopt", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                    ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS))
                    .invokeExact(fd, level, name, v, len);
            return rc == 0 ? v.get(ValueLayout.JAVA_INT, 0) : -1;
        } catch (Throwable t) {
            throw new IllegalStateException("getsockopt: " + t, t);
        }
    }

    private static MethodHandle handle(String name, FunctionDescriptor descriptor) {
        Linker linker = Linker.nativeLinker();
        return linker.downcallHandle(linker.defaultLookup().find(name)
                .orElseThrow(() -> new IllegalStateException(name + " not found in the C library")), descriptor);
    }
}
