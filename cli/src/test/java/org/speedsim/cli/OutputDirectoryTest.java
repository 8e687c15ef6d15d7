package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path tmp;

    @Test
    void createsTheScenarioDirectory() throws Exception {
        Path dir = OutputDirectory.prepare(tmp.resolve("runs"), "default", false);
        assertEquals(tmp.resolve("runs/default"), dir);
        assertTrue(Files.isDirectory(dir));
        assertEquals(dir.resolve("3"), OutputDirectory.replication(dir, 3));
    }

    @Test
    void refusesAnExistingDirectoryWithoutForce() throws Exception {
        Path dir = OutputDirectory.prepare(tmp, "default", false);
        Files.writeString(Files.createDirectories(dir.resolve("0")).resolve("peers.csv"), "keep me");
        UserInputException e = assertThrows(UserInputException.class,
                () -> OutputDirectory.prepare(tmp, "default", false));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--force"), e.getMessage());
        assertEquals("keep me", Files.readString(dir.resolve("0/peers.csv")));
    }

    @Test
    void anEmptyDirectoryIsNotOutputAndIsRemovedWhenNothingWasKept() throws Exception {
        Path dir = OutputDirectory.prepare(tmp, "default", false);
        assertEquals(dir, OutputDirectory.prepare(tmp, "default", false), "empty: nothing to overwrite");
        OutputDirectory.removeIfEmpty(dir);
        assertFalse(Files.exists(dir));
        Path again = OutputDirectory.prepare(tmp, "default", false);
        Files.createDirectories(again.resolve("0"));
        OutputDirectory.removeIfEmpty(again);
        assertTrue(Files.exists(again.resolve("0")), "not empty: kept");
    }

    @Test
    void forceReplacesEarlierOutput() throws Exception {
        Path dir = OutputDirectory.prepare(tmp, "default", false);
        new RunOutputWriter().write(dir.resolve("0"), "x", Fakes.run(Fakes.config("default", 1), null, null));
        new RunOutputWriter().write(dir.resolve("1"), "x", Fakes.run(Fakes.config("default", 1), null, null));
        Files.writeString(dir.resolve("1/.peers.csv.123.tmp"), "leftover");
        Path again = OutputDirectory.prepare(tmp, "default", true);
        assertEquals(dir, again);
        assertTrue(Files.isDirectory(again));
        assertFalse(Files.exists(dir.resolve("0")));
        assertFalse(Files.exists(dir.resolve("1")));
    }

    @Test
    void forceRefusesToDeleteForeignFiles() throws Exception {
        Path dir = OutputDirectory.prepare(tmp, "default", false);
        Files.createDirectories(dir.resolve("0"));
        Files.writeString(dir.resolve("0/notes.txt"), "mine");
        Files.writeString(dir.resolve("thesis.tex"), "mine too");
        UserInputException e = assertThrows(UserInputException.class,
                () -> OutputDirectory.prepare(tmp, "default", true));
        assertTrue(e.getMessage().contains("did not write"), e.getMessage());
        assertEquals("mine", Files.readString(dir.resolve("0/notes.txt")));
        assertEquals("mine too", Files.readString(dir.resolve("thesis.tex")));
    }

    @Test
    void scenarioNamesBecomeSafeDirectoryNames() {
        assertEquals("flash-crowd_1.v2", OutputDirectory.safeName("flash-crowd_1.v2"));
        assertEquals("a_b_c", OutputDirectory.safeName("a/b c"));
        assertEquals("scenario", OutputDirectory.safeName(".."));
        assertEquals("scenario", OutputDirectory.safeName(""));
    }

    @Test
    void anOutputDirectoryThatIsAFileIsRefused() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        UserInputException e = assertThrows(UserInputException.class,
                () -> OutputDirectory.prepare(file, "default", true));
        assertTrue(e.getMessage().contains("not a directory"), e.getMessage());
    }

    @Test
    void anExistingPlainFileIsForeign() throws IOException {
        Files.writeString(tmp.resolve("default"), "a file");
        assertThrows(UserInputException.class, () -> OutputDirectory.prepare(tmp, "default", true));
        assertEquals("a file", Files.readString(tmp.resolve("default")));
    }
}
