package org.speedsim.scenarios;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 defect 11: extending a file that is not a scenario (a text file, {@code /etc/passwd}) names that file and
 * quotes at most a short excerpt of it, never the whole file.
 */
class ExtendsMessageTest {

    @TempDir
    Path tmp;

    @Test
    void anExtendedTextFileIsQuotedInShort() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append("secret line ").append(i).append(" of a private note that is not a scenario\n");
        }
        Files.writeString(tmp.resolve("notes.txt"), text);
        Path scenario = Files.writeString(tmp.resolve("s.yaml"), "extends: notes.txt\nname: s\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenario, List.of()));
        String all = e.problems().toString();
        assertTrue(all.contains("notes.txt") && all.contains("(" + text.toString().strip().length() + " characters)"),
                all);
        assertFalse(all.contains("secret line 5 "), all);
        for (Problem p : e.problems()) {
            assertTrue(p.toString().length() < 300, p::toString);
        }
    }
}
