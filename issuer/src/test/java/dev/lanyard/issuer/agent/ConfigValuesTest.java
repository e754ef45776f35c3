package dev.lanyard.issuer.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.lanyard.common.error.Failure;
import dev.lanyard.common.error.LanyardException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values that may come from bot.yaml or from a flag are checked the same way: the SANs of an output,
 * the diagnostics address, and the join method's default.
 */
class ConfigValuesTest {
    static final String PIN = ConfigFileTest.PIN;

    @TempDir
    Path tmp;

    /** Everything but what a test is about, from flags alone. */
    private static ConfigFlags flags() {
        ConfigFlags f = new ConfigFlags();
        f.proxyServer = "127.0.0.1:8443";
        f.token = "t";
        f.caPins = List.of(PIN);
        f.storage = Path.of("/s");
        f.outputDir = Path.of("/o");
        f.svidPath = "/svc/example-service";
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not a DNS name      | --dns-san | bad_name!     | --dns-san: 'bad_name!' is not a DNS name
            DNS name too long   | --dns-san | a.%s          | --dns-san: 'a.%s' is not a DNS name
            not an IP           | --ip-san  | nope          | --ip-san: 'nope' is not an IP address
            IPv4 out of range   | --ip-san  | 10.0.0.300    | --ip-san: '10.0.0.300' is not an IP address
            bad IPv6            | --ip-san  | fe80::zz      | --ip-san: 'fe80::zz' is not an IP address
            """)
    void badSanFlagsAreRefusedAsInTheFile(String name, String flag, String value, String expected) {
        ConfigFlags f = flags();
        String v = value.replace("%s", "b".repeat(260));
        if (flag.equals("--dns-san")) {
            f.dnsSans = List.of("ok.example.com", v);
        } else {
            f.ipSans = List.of("10.0.0.1", v);
        }
        LanyardException e = assertThrows(LanyardException.class, f::resolve);
        assertEquals(Failure.INVALID_INPUT, e.failure(), "exit 3");
        assertEquals(3, e.failure().exitCode());
        assertEquals(expected.replace("%s", "b".repeat(260)), e.getMessage());
    }

    @Test
    void goodSanFlagsAreKeptInTheFilesForm() {
        ConfigFlags f = flags();
        f.dnsSans = List.of("svc.example.com");
        f.ipSans = List.of("10.0.0.1", "0:0:0:0:0:0:0:1");
        OutputConfig o = f.resolve().outputs().get(0);
        assertEquals(List.of("svc.example.com"), o.dnsSans());
        assertEquals(List.of("10.0.0.1", "0:0:0:0:0:0:0:1"), o.ipSans());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no port          | localhost
            port not numeric | 127.0.0.1:http
            port too large   | 127.0.0.1:70000
            no host          | :9464
            """)
    void aBadDiagAddrInTheFileIsAFileErrorWithItsLine(String name, String addr) throws Exception {
        ConfigFlags f = new ConfigFlags();
        f.config = Files.writeString(tmp.resolve("bot.yaml"), ConfigFileTest.GOOD + "diag_addr: \"" + addr + "\"\n");
        int line = (int) ConfigFileTest.GOOD.lines().count() + 1;
        LanyardException e = assertThrows(LanyardException.class, f::resolve);
        assertEquals(Failure.INVALID_INPUT, e.failure(), "exit 3, like every other bot.yaml error");
        assertEquals(f.config + ":" + line + ": diag_addr: '" + addr + "' is not HOST:PORT, e.g. 127.0.0.1:9464"
                + " (port 0 picks a free port)", e.getMessage());
    }

    @Test
    void aBadDiagAddrFlagIsAUsageErrorNamingTheFlag() {
        ConfigFlags f = flags();
        f.diagAddr = "localhost";
        LanyardException e = assertThrows(LanyardException.class, f::resolve);
        assertEquals(Failure.USAGE, e.failure(), "exit 2");
        assertEquals("--diag-addr: 'localhost' is not HOST:PORT, e.g. 127.0.0.1:9464 (port 0 picks a free port)",
                e.getMessage());
    }

    @Test
    void aGoodDiagAddrIsParsedOnceFromEitherSource() throws Exception {
        ConfigFlags f = new ConfigFlags();
        f.config = Files.writeString(tmp.resolve("bot.yaml"), ConfigFileTest.GOOD + "diag_addr: \"[::1]:0\"\n");
        assertEquals(new DiagAddress("::1", 0), f.resolve().diagAddr());
        assertEquals("[::1]:0", f.resolve().diagAddr().toString());
        f.diagAddr = "127.0.0.1:9464";
        assertEquals(new DiagAddress("127.0.0.1", 9464), f.resolve().diagAddr(), "the flag overrides the file");
        assertNull(flags().resolve().diagAddr());
    }

    @Test
    void theJoinMethodDefaultsToTokenOnlyWhenNeitherFileNorFlagNamesOne() throws Exception {
        assertEquals(JoinMethod.TOKEN, flags().resolve().joinMethod(), "nothing named: the documented default");
        ConfigFlags f = new ConfigFlags();
        f.config = Files.writeString(tmp.resolve("bot.yaml"), ConfigFileTest.GOOD
                .replace("join_method: token", "join_method: jwt"));
        f.jwtFile = Path.of("/var/run/secrets/tokens/lanyard");
        assertEquals(JoinMethod.JWT, f.resolve().joinMethod(), "the file's method is kept");
        f.joinMethod = "token";
        assertEquals(JoinMethod.TOKEN, f.resolve().joinMethod(), "the flag overrides the file");
        ConfigFlags none = new ConfigFlags();
        none.config = Files.writeString(tmp.resolve("no-method.yaml"), ConfigFileTest.GOOD
                .replace("  join_method: token\n", ""));
        assertEquals(JoinMethod.TOKEN, none.resolve().joinMethod(), "the file names none: the default");
    }
}
