package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTraceTest {

    @TempDir
    Path tmp;

    @Test
    void writesOneJsonObjectPerEventAndFiltersByKind() throws Exception {
        Path f = tmp.resolve("trace.jsonl");
        JsonLinesTrace t = new JsonLinesTrace(f, Set.of("unchoke", "piece"));
        assertTrue(t.wants("unchoke"));
        assertFalse(t.wants("connect"));
        t.emit(10_000_000L, "unchoke", 3, 7, 0);
        t.emit(11_000_000L, "connect", 3, 8, 0);
        t.emit(12_500_000L, "piece", 7, 3, 42);
        assertFalse(Files.exists(f), "the file appears only when complete");
        t.close();
        List<String> lines = Files.readAllLines(f);
        assertEquals(2, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertEquals(10_000_000L, first.get("time_us").asLong());
        assertEquals("unchoke", first.get("kind").asText());
        assertEquals(3, first.get("peer").asInt());
        assertEquals(7, first.get("other").asInt());
        assertEquals(0, first.get("value").asLong());
        JsonNode second = json.readTree(lines.get(1));
        assertEquals("piece", second.get("kind").asText());
        assertEquals(42, second.get("value").asLong());
        assertEquals(2, t.events());
        assertEquals(Set.of("connect", "piece", "unchoke"), t.kindsSeen());
        assertTrue(t.kindsMissing().isEmpty());
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void noKindsMeansEveryKindAndMissingKindsAreReported() throws Exception {
        JsonLinesTrace all = new JsonLinesTrace(tmp.resolve("a.jsonl"), Set.of());
        assertTrue(all.wants("anything"));
        all.emit(1, "we\"ird", 0, -1, -5);
        all.close();
        JsonNode n = new ObjectMapper().readTree(Files.readString(tmp.resolve("a.jsonl")));
        assertEquals("we\"ird", n.get("kind").asText());
        assertEquals(-5, n.get("value").asLong());

        JsonLinesTrace typo = new JsonLinesTrace(tmp.resolve("b.jsonl"), Set.of("unchok"));
        typo.wants("unchoke");
        typo.close();
        assertEquals(Set.of("unchok"), typo.kindsMissing());
        assertEquals(Set.of("unchoke"), typo.kindsSeen());
        assertEquals("", Files.readString(tmp.resolve("b.jsonl")));
    }
}
