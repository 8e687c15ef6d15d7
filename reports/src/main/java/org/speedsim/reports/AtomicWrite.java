package org.speedsim.reports;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Replaces a file atomically: the content goes to a hidden {@code .<name>.<pid>-<thread>.tmp} file beside the target, which
 * is then renamed over it.
 *
 * <p>Invariant: when a write returns or throws, its temporary file is gone.
 */
final class AtomicWrite {

    private AtomicWrite() {
    }

    static void bytes(Path target, ChartFiles.Body body) throws IOException {
        Path temp = temporary(target);
        boolean moved = false;
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                body.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** An empty new file beside the target, with the permissions of any new file. */
    private static Path temporary(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String stem = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId();
        for (int n = 0; ; n++) {
            Path temp = dir.resolve(stem + (n == 0 ? "" : "-" + n) + ".tmp");
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // a leftover of a killed process: try the next name
            }
        }
    }

    static void text(Path target, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        bytes(target, out -> out.write(b));
    }
}
