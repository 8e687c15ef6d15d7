package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(f + ": disk full", e.getMessage(), "the failure names the file");
        assertEquals("disk full", e.getCause().getMessage());
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

    /**
     * A failure deep inside a library (a CSV writer's "Error closing the output" around the disk's "No space left on
     * device") comes out as one exception naming the file, with the operating system's reason.
     */
    @Test
    void aWrappedInputOutputFailureNamesTheFileAndTheDeepestReason() {
        Path f = tmp.resolve("c.csv");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeBytes(f, out -> {
            throw new IllegalStateException("Error closing the output",
                    new IOException("wrapped", new IOException("No space left on device")));
        }));
        assertEquals(f + ": No space left on device", e.getMessage());
        assertTrue(e instanceof java.nio.file.FileSystemException);
    }

    /** A recorder hears of every target before its temporary file exists, and can refuse the write. */
    @Test
    void aRecorderHearsOfEveryWriteFirstAndMayRefuseIt() throws IOException {
        Path f = tmp.resolve("d.csv");
        java.util.List<Path> heard = new java.util.ArrayList<>();
        AtomicFiles.Recorder recorder = target -> {
            assertEquals(0, entries(), "told before the temporary file exists");
            heard.add(target);
            if (target.getFileName().toString().equals("refused.csv")) {
                throw new IOException("refused");
            }
        };
        AtomicFiles.addRecorder(recorder);
        try {
            AtomicFiles.write(f, "x\n");
            assertEquals(java.util.List.of(f), heard);
            Files.delete(f);
            assertThrows(IOException.class, () -> AtomicFiles.write(tmp.resolve("refused.csv"), "y\n"));
            assertFalse(Files.exists(tmp.resolve("refused.csv")));
        } finally {
            AtomicFiles.removeRecorder(recorder);
        }
    }
}
