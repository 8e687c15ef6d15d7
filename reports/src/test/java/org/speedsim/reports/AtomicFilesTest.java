package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path tmp;

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.count();
        }
    }

    @Test
    void writesAndReplaces() throws IOException {
        Path f = tmp.resolve("a.csv");
        AtomicFiles.write(f, "one\n");
        AtomicFiles.write(f, "two\n");
        assertEquals("two\n", Files.readString(f));
        assertEquals(1, entries());
    }

    @Test
    void filesGetTheUsualPermissionsNotThoseOfTemporaryFiles() throws IOException {
        Path f = tmp.resolve("p.csv");
        AtomicFiles.write(f, "x\n");
        Path plain = Files.writeString(tmp.resolve("plain.csv"), "x\n");
        if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(f));
        }
    }

    @Test
    void aFailedWriteKeepsTheOldContentAndLeavesNoTemporaryFile() throws IOException {
        Path f = tmp.resolve("a.csv");
        AtomicFiles.write(f, "old\n");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("partial new content that must never be seen".repeat(10_000));
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old\n", Files.readString(f));
        assertEquals(1, entries());
    }

    @Test
    void aFailedFirstWriteLeavesNothing() throws IOException {
        Path f = tmp.resolve("b.csv");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(f, out -> {
            throw new IllegalStateException("bug");
        }));
        assertEquals(0, entries());
    }
}
