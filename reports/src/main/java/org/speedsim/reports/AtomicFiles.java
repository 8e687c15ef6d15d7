package org.speedsim.reports;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Writes files so that readers see either the old content or the whole new content, never a part: the text goes to
 * a hidden temporary file in the target's directory, is flushed to disk, and is renamed over the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}.
 *
 * <p>Invariant: when {@link #write} returns or throws, no temporary file of it is left behind; every
 * {@link Recorder} has been told of the target before its temporary file is created.
 */
public final class AtomicFiles {

    /** Suffix of the temporary files, so leftovers of a killed process can be recognised. */
    public static final String TEMP_SUFFIX = ".tmp";

    /** The body of a binary write: puts the bytes into the stream. */
    @FunctionalInterface
    public interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The body of a write: puts the text into the writer. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /**
     * Told of every file about to be written through this class, before its temporary file exists: the command line
     * records there what speedsim writes into an output directory (its manifest), and may refuse the write.
     */
    @FunctionalInterface
    public interface Recorder {
        void beforeWrite(Path target) throws IOException;
    }

    private static final List<Recorder> RECORDERS = new CopyOnWriteArrayList<>();

    private AtomicFiles() {
    }

    /** Adds a recorder told of every later write, until {@link #removeRecorder}. */
    public static void addRecorder(Recorder recorder) {
        RECORDERS.add(recorder);
    }

    /** Removes a recorder added by {@link #addRecorder}. */
    public static void removeRecorder(Recorder recorder) {
        RECORDERS.remove(recorder);
    }

    /** Atomically replaces {@code target} (UTF-8 text) with what {@code content} writes. */
    public static void write(Path target, Content content) throws IOException {
        writeBytes(target, stream -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(out);
            out.flush();
        });
    }

    /** Atomically replaces {@code target} with the bytes {@code content} writes. */
    public static void writeBytes(Path target, Bytes content) throws IOException {
        Path temp = createTemporary(target);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (IOException e) {
            IOException named = naming(target, e);
            throw named != null ? named : e;
        } catch (RuntimeException e) {
            IOException named = naming(target, e);
            if (named != null) {
                throw named;
            }
            throw e;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /**
     * A failure to write {@code target} as a {@link FileSystemException} naming it (a full disk says only "No space
     * left on device", a CSV writer only "Error closing the output"), with the deepest input/output cause's message
     * (the operating system's reason); null when {@code e} names a file already or has
     * no input/output cause.
     */
    public static IOException naming(Path target, Exception e) {
        IOException io = null;
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof FileSystemException) {
                return null;
            }
            if (c instanceof IOException found) {
                io = found;
            }
        }
        if (io == null) {
            return null;
        }
        String reason = io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
        FileSystemException named = new FileSystemException(target.toString(), null, reason);
        named.initCause(e);
        return named;
    }

    /**
     * Creates an empty temporary file beside {@code target}, named {@code .<name>.<pid>-<thread>[-n].tmp}, with
     * the permissions of any new file (not the owner-only ones of {@link Files#createTempFile}).
     */
    public static Path createTemporary(Path target) throws IOException {
        for (Recorder recorder : RECORDERS) {
            recorder.beforeWrite(target);
        }
        Path dir = target.toAbsolutePath().getParent();
        String stem = "." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().getId();
        for (int n = 0; ; n++) {
            Path temp = dir.resolve(stem + (n == 0 ? "" : "-" + n) + TEMP_SUFFIX);
            try {
                Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // a leftover of a killed run, or another writer on this thread: try the next name
            }
        }
    }

    /** Atomically replaces {@code target} with {@code text}. */
    public static void write(Path target, String text) throws IOException {
        write(target, out -> out.write(text));
    }
}
