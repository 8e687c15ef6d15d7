package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path tmp;

    private static OwnedDirectory prepare(Path out, boolean force) throws Exception {
        return OutputDirectory.prepare(out, "default", force, "speedsim test", List.of());
    }

    /** Writes replications as a run would, with the directory open (so they are recorded in its manifest). */
    private static void writeRuns(Path out, int... replications) throws Exception {
        try (OwnedDirectory owned = prepare(out, false)) {
            for (int r : replications) {
                new RunOutputWriter().write(owned.dir().resolve(Integer.toString(r)), "x",
                        Fakes.run(Fakes.config("default", 1), null, null));
            }
        }
    }

    @Test
    void createsTheScenarioDirectory() throws Exception {
        try (OwnedDirectory owned = prepare(tmp.resolve("runs"), false)) {
            assertEquals(tmp.resolve("runs/default"), owned.dir());
            assertTrue(Files.isDirectory(owned.dir()));
        }
        assertEquals(tmp.resolve("3"), OutputDirectory.replication(tmp, 3));
    }

    @Test
    void refusesAnExistingDirectoryWithoutForce() throws Exception {
        writeRuns(tmp, 0);
        Path dir = tmp.resolve("default");
        String before = Files.readString(dir.resolve("0/peers.csv"));
        UserInputException e = assertThrows(UserInputException.class, () -> prepare(tmp, false));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("--force"), e.getMessage());
        assertEquals(before, Files.readString(dir.resolve("0/peers.csv")));
    }

    @Test
    void aDirectoryThisCommandCreatedIsRemovedWhenNothingWasKeptButOneTheUserMadeStays() throws Exception {
        try (OwnedDirectory owned = prepare(tmp.resolve("runs"), false)) {
            owned.discardIfEmpty();
        }
        assertFalse(Files.exists(tmp.resolve("runs")), "created by the command, with its parent: removed");

        Path mine = Files.createDirectories(tmp.resolve("mine/default"));
        try (OwnedDirectory owned = prepare(tmp.resolve("mine"), false)) {
            owned.discardIfEmpty();
        }
        assertTrue(Files.isDirectory(mine), "made by the user beforehand: kept");
        assertFalse(Files.exists(mine.resolve(OutputManifest.FILE)));

        try (OwnedDirectory owned = prepare(tmp.resolve("kept"), false)) {
            Files.createDirectories(owned.dir().resolve("0"));
            owned.discardIfEmpty();
        }
        assertTrue(Files.exists(tmp.resolve("kept/default/0")), "not empty: kept");
    }

    @Test
    void forceReplacesEarlierOutput() throws Exception {
        writeRuns(tmp, 0, 1);
        Path dir = tmp.resolve("default");
        Files.writeString(dir.resolve("1/.peers.csv.123-1.tmp"), "leftover of a killed writer");
        try (OwnedDirectory again = prepare(tmp, true)) {
            assertEquals(dir, again.dir());
        }
        assertTrue(Files.isDirectory(dir));
        assertFalse(Files.exists(dir.resolve("0")));
        assertFalse(Files.exists(dir.resolve("1")));
    }

    @Test
    void forceRefusesToDeleteForeignFiles() throws Exception {
        writeRuns(tmp, 0);
        Path dir = tmp.resolve("default");
        Files.writeString(dir.resolve("0/notes.txt"), "mine");
        Files.writeString(dir.resolve("thesis.tex"), "mine too");
        UserInputException e = assertThrows(UserInputException.class, () -> prepare(tmp, true));
        assertTrue(e.getMessage().contains("did not write"), e.getMessage());
        assertEquals("mine", Files.readString(dir.resolve("0/notes.txt")));
        assertEquals("mine too", Files.readString(dir.resolve("thesis.tex")));
        assertTrue(Files.isRegularFile(dir.resolve("0/summary.json")), "nothing deleted");
    }

    @Test
    void aDirectoryWithoutManifestIsNotSpeedsimsEvenIfItsNamesLookLikeIt() throws Exception {
        Path rep = Files.createDirectories(tmp.resolve("default/0"));
        Files.writeString(rep.resolve("peers.csv"), "someone else's peers.csv");
        UserInputException e = assertThrows(UserInputException.class, () -> prepare(tmp, true));
        assertTrue(e.getMessage().contains(OutputManifest.FILE), e.getMessage());
        assertEquals("someone else's peers.csv", Files.readString(rep.resolve("peers.csv")));
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
        UserInputException e = assertThrows(UserInputException.class, () -> prepare(file, true));
        assertTrue(e.getMessage().toLowerCase(Locale.ROOT).contains("not a directory"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals("x", Files.readString(file));
    }

    @Test
    void anExistingPlainFileIsForeign() throws IOException {
        Files.writeString(tmp.resolve("default"), "a file");
        assertThrows(UserInputException.class, () -> prepare(tmp, true));
        assertEquals("a file", Files.readString(tmp.resolve("default")));
    }
}
