package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adversarial world files: each must fail with a {@link ScenarioException} (never another exception) holding a
 * problem printed on one line as {@code file:line:column: path: message}, naming the line the value was written on
 * (or the {@code --set} it came from) and the field; sizes a world could not hold are refused while loading.
 */
class WorldErrorsTest {

    /** A world file (its text follows {@code kind: world} on line 1) or overrides, and the problem expected. */
    record Case(String name, String text, List<String> overrides, String path, int line, String fragment) {
        Case(String name, String text, String path, int line, String fragment) {
            this(name, text, List.of(), path, line, fragment);
        }
    }

    static final List<Case> CASES = List.of(
            new Case("unknown top key", "userz: { count: 3 }\n", "userz", 2, "did you mean 'users'?"),
            new Case("unknown nested key", "catalogue:\n  zipff: 1\n", "catalogue.zipff", 3, "did you mean 'zipf'?"),
            new Case("swarm key in a world", "file: { size: 1MiB }\n", "file", 2, "unknown key 'file'"),
            new Case("swarm arrivals in a world", "arrivals: none\n", "arrivals", 2, "unknown key 'arrivals'"),
            new Case("count of the wrong type", "users: { count: many }\n", "users.count", 2, "expected an integer"),
            new Case("fractional count", "users: { count: 2.5 }\n", "users.count", 2, "expected an integer"),
            new Case("negative users", "users: { count: -5 }\n", "users.count", 2,
                    "-5 must be between 0 and 100000000"),
            new Case("more users than the engine holds", "users:\n  count: 100000001\n", "users.count", 3,
                    "must be between 0 and 100000000"),
            new Case("a count beyond 64 bits", "users: { count: 99999999999999999999 }\n", "users.count", 2,
                    "fits 64 bits"),
            new Case("users of the wrong type", "users: [1, 2]\n", "users", 2, "expected a map of"),
            new Case("negative initial torrents", "catalogue: { initialTorrents: -1 }\n",
                    "catalogue.initialTorrents", 2, "must be between 0 and 10000000"),
            new Case("too many torrents expected", "duration: 2d\ncatalogue:\n  initialTorrents: 1000\n"
                    + "  releases: 100/s\n", "catalogue.releases", 5, "17281000 torrents expected; at most 10000000"),
            new Case("release rate with an unknown unit", "catalogue: { releases: 4/fortnight }\n",
                    "catalogue.releases", 2, "unknown unit '/fortnight'"),
            new Case("release rate without a unit", "catalogue: { releases: 4 }\n", "catalogue.releases", 2,
                    "4 needs a unit"),
            new Case("release rate that is a duration", "catalogue: { releases: 4h }\n", "catalogue.releases", 2,
                    "unknown unit 'h'"),
            new Case("negative request rate", "users: { requests: -2/h }\n", "users.requests", 2,
                    "must not be negative"),
            new Case("piece larger than the torrents", "catalogue:\n  size: 1MiB\n  pieceSize: 4MiB\n",
                    "catalogue.pieceSize", 4, "larger than the mean torrent size (1048576 bytes)"),
            new Case("empty torrents", "catalogue: { size: 0 }\n", "catalogue.size", 2,
                    "larger than the mean torrent size (0 bytes)"),
            new Case("torrents of too many pieces", "catalogue:\n  size: 4GiB\n  pieceSize: 1B\n",
                    "catalogue.pieceSize", 4, "more than 1073741823 pieces"),
            new Case("a size tail of too many pieces", "catalogue:\n  size: { distribution: exponential, mean: 1GiB }\n"
                    + "  pieceSize: 16B\n", "catalogue.pieceSize", 4, "more than 1073741823 pieces"),
            new Case("torrents beyond a 64-bit byte count", "catalogue:\n  size: 9223372036854775807B\n"
                    + "  pieceSize: 8000000TB\n", "catalogue.pieceSize", 4, "do not fit a 64-bit count of bytes"),
            new Case("a size tail beyond a 64-bit byte count", "catalogue:\n"
                    + "  size: { distribution: lognormal, median: 1GiB, sigma: 10 }\n", "catalogue.size", 3,
                    "do not fit a 64-bit count of bytes"),
            new Case("size with a bandwidth unit", "catalogue: { size: 8Mbit/s }\n", "catalogue.size", 2,
                    "unknown unit 'Mbit/s'"),
            new Case("zipf too large", "catalogue: { zipf: 11 }\n", "catalogue.zipf", 2, "11 must be between 0 and 10"),
            new Case("zipf of the wrong type", "catalogue: { zipf: steep }\n", "catalogue.zipf", 2,
                    "expected a number"),
            new Case("no decay", "catalogue: { decay: 0s }\n", "catalogue.decay", 2, "must be positive"),
            new Case("publisher of the wrong type", "catalogue: { publisher: fast }\n", "catalogue.publisher", 2,
                    "expected a map of"),
            new Case("publisher residence min above max", "catalogue:\n  publisher:\n    residence: "
                    + "{ distribution: uniform, min: 2h, max: 1h }\n", "catalogue.publisher.residence.max", 4,
                    "1h must be at least min (2h)"),
            new Case("unknown distribution", "users: { online: { distribution: normal, mean: 1h } }\n",
                    "users.online.distribution", 2, "unknown duration distribution 'normal'"),
            new Case("offline that is neither a duration nor never", "users: { offline: sometimes }\n",
                    "users.offline", 2, "'sometimes' is not a duration"),
            new Case("offline min above max", "users:\n  offline: { distribution: uniform, min: 9h, max: 1h }\n",
                    "users.offline.max", 3, "1h must be at least min (9h)"),
            new Case("sessions of no length", "users: { online: 0s }\n", "users.online", 2,
                    "online sessions of mean 0"),
            new Case("more sessions than a user counts", "duration: 36500d\nusers:\n  online: 1us\n"
                    + "  offline: { distribution: exponential, mean: 1us }\n", "users.offline", 5,
                    "1576800000000000 sessions per user within the horizon (36500d); at most 2147483647"),
            new Case("airdrop with an unknown token unit", "users: { airdrop: 10BTC }\n", "users.airdrop", 2,
                    "unknown unit 'BTC'"),
            new Case("airdrop without a unit", "users: { airdrop: 10 }\n", "users.airdrop", 2, "10 needs a unit"),
            new Case("airdrop supply beyond 64 bits", "users:\n  count: 100000000\n  airdrop: 1000000BTT\n",
                    "users.airdrop", 4, "give smaller airdrops"),
            new Case("a client balance in a world", "clients:\n  - name: speed\n    share: 1\n    protocol: speed\n"
                    + "    balance: 10BTT\n", "clients[0].balance", 6, "users.airdrop"),
            new Case("client shares not summing to 1", "clients:\n  - { name: legacy, share: 0.5 }\n"
                    + "  - { name: speed, share: 0.3, protocol: speed }\n", "clients", 3,
                    "shares must sum to 1, not 0.8"),
            new Case("class shares not summing to 1", "peerClasses:\n"
                    + "  - { name: dsl, share: 0.5, upload: 1Mbit/s, download: 8Mbit/s }\n", "peerClasses", 3,
                    "shares must sum to 1, not 0.5"),
            new Case("duplicate client name", "clients:\n  - { name: a, share: 0.5 }\n  - { name: a, share: 0.5 }\n",
                    "clients[1].name", 4, "duplicate client name 'a'"),
            new Case("choking on a Speed client", "clients:\n  - { name: s, share: 1, protocol: speed, "
                    + "choking: tit-for-tat }\n", "clients[0].choking", 3, "choking is only for protocol: legacy"),
            new Case("no clients", "clients: []\n", "clients", 2, "needs at least 1 item"),
            new Case("optimistic below rechoke", "protocol: { rechokeInterval: 30s, optimisticInterval: 10s }\n",
                    "protocol.optimisticInterval", 2, "must be at least the rechokeInterval"),
            new Case("close margin too long", "speed: { closeMargin: 40min }\n", "speed.closeMargin", 2,
                    "less than half the ledger's channelTimeout"),
            new Case("library limit negative", "librarySeeding: { maxAtOnce: -1 }\n", "librarySeeding.maxAtOnce", 2,
                    "must be between 0 and 2147483647"),
            new Case("library review of no time", "librarySeeding: { review: 0s }\n", "librarySeeding.review", 2,
                    "must be positive"),
            new Case("unknown library key", "librarySeeding: { maxAtonce: 3 }\n", "librarySeeding.maxAtonce", 2,
                    "did you mean 'maxAtOnce'?"),
            new Case("a time series too long", "duration: 365d\nmetrics: { interval: 1ms }\n", "metrics.interval", 3,
                    "at most 10000000"),
            new Case("a horizon too long for the default interval", "duration: 200000d\n", "duration", 2,
                    "at most 10000000"),
            new Case("too many torrents by the initial count", "catalogue: { initialTorrents: 9999999 }\n",
                    "catalogue.initialTorrents", 2, "torrents expected; at most 10000000"),
            new Case("duration without a unit", "duration: 2\n", "duration", 2, "2 needs a unit"),
            new Case("negative seed of the wrong type", "seed: -x\n", "seed", 2, "expected an integer"),
            new Case("too many replications", "replications: 100001\n", "replications", 2,
                    "must be between 1 and 100000"),
            new Case("--set a negative count", "", List.of("--set users.count=-1"), "users.count", 0,
                    "-1 must be between 0 and 100000000"),
            new Case("--set a bad rate unit", "", List.of("--set catalogue.releases=3/fortnight"),
                    "catalogue.releases", 0, "unknown unit '/fortnight'"),
            new Case("--set an unknown key", "", List.of("--set users.patiance=1h"), "users.patiance", 0,
                    "did you mean 'patience'?"),
            new Case("--set a bad path", "clients: [{ name: legacy, share: 1 }]\n",
                    List.of("--set clients[5].share=1"), "clients[5].share", 0,
                    "out of range"));

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyCaseFailsWithOneLineNamingFileLineAndField() {
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws IOException {
        Path file = dir.resolve(c.name().replaceAll("[^A-Za-z0-9]+", "-") + ".yaml");
        Files.writeString(file, "kind: world\n" + c.text(), StandardCharsets.UTF_8);
        List<Problem> problems = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.loadAny(file, c.overrides())).problems();
        String all = problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        Problem match = problems.stream().filter(p -> p.path().equals(c.path()) && p.message().contains(c.fragment()))
                .findFirst().orElse(null);
        assertNotNull(match, () -> c + "\nnot among:\n" + all);
        String line = match.toString();
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        if (c.overrides().isEmpty()) {
            assertTrue(line.startsWith(file + ":" + c.line() + ":"), () -> "expected line " + c.line() + ": " + line);
            assertTrue(match.line() == c.line(), line);
        } else {
            assertTrue(line.startsWith(c.overrides().get(0) + ": "), line);
        }
        assertTrue(line.contains(": " + c.path() + ": "), line);
        for (Problem p : problems) {
            assertFalse(p.message().contains("Exception") || p.message().contains("internal error"), p::toString);
            assertFalse(p.toString().contains("\n"), p::toString);
        }
    }
}
