package org.speedsim.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The record of the files speedsim wrote into an output directory, {@value #FILE}: one path per line, relative to
 * the directory with '/' between names (or absolute, for a trace written elsewhere), after a comment header.
 *
 * <p>Invariants: a path is recorded before its file (or the file's temporary) is created, so everything speedsim may
 * have left in the directory is listed, also after a {@code kill -9}; each record is appended with one write call
 * ending in a newline, and a reader ignores a last line without its newline, so a record is there whole or not at
 * all; the manifest is only replaced as a whole by an atomic rename.
 */
final class OutputManifest implements AutoCloseable {

    /** Name of the manifest inside an output directory. */
    static final String FILE = ".speedsim-manifest";

    private static final String HEADER = "# speedsim: files it wrote here; --force deletes only these. Do not edit.\n";

    private final Path file;
    private final Set<String> entries;
    private FileChannel append;

    private OutputManifest(Path file, Set<String> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** Whether {@code dir} holds a manifest. */
    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE), LinkOption.NOFOLLOW_LINKS);
    }

    /** The entries of the manifest in {@code dir}, empty if there is none. */
    static Set<String> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Set<String> entries = new LinkedHashSet<>();
        if (!exists(dir)) {
            return entries;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            String line = text.substring(start, nl);
            start = nl + 1;
            if (!line.isEmpty() && !line.startsWith("#")) {
                entries.add(decode(line));
            }
        }
        return entries;
    }

    /** Opens the manifest of {@code dir} for recording, creating an empty one if there is none. */
    static OutputManifest open(Path dir) throws IOException {
        OutputManifest m = new OutputManifest(dir.resolve(FILE), read(dir));
        if (!exists(dir)) {
            m.replace();
        }
        return m;
    }

    /** Whether {@code entry} is recorded. */
    synchronized boolean contains(String entry) {
        return entries.contains(entry);
    }

    /** A copy of the entries. */
    synchronized Set<String> entries() {
        return new LinkedHashSet<>(entries);
    }

    /** Records {@code entry} (a relative path with '/' separators, or an absolute path) unless it is already. */
    synchronized void record(String entry) throws IOException {
        if (entries.contains(entry)) {
            return;
        }
        if (append == null) {
            append = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                    LinkOption.NOFOLLOW_LINKS);
        }
        ByteBuffer line = ByteBuffer.wrap((encode(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        while (line.hasRemaining()) {
            append.write(line);
        }
        entries.add(entry);
    }

    /** Forgets every entry but {@code keep} (after their files were deleted), atomically. */
    synchronized void retainOnly(Set<String> keep) throws IOException {
        entries.retainAll(keep);
        replace();
    }

    private void replace() throws IOException {
        closeAppend();
        Path temp = file.resolveSibling(FILE + "." + ProcessHandle.current().pid() + ".new");
        StringBuilder text = new StringBuilder(HEADER);
        for (String e : entries) {
            text.append(encode(e)).append('\n');
        }
        Files.deleteIfExists(temp);
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Deletes the manifest (when nothing it listed is left). */
    synchronized void delete() throws IOException {
        closeAppend();
        Files.deleteIfExists(file);
    }

    private void closeAppend() throws IOException {
        if (append != null) {
            append.close();
            append = null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closeAppend();
    }

    /** '%', CR and LF escaped, so any name fits on one line. */
    private static String encode(String entry) {
        return entry.replace("%", "%25").replace("\n", "%0A").replace("\r", "%0D");
    }

    private static String decode(String line) {
        return line.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
    }
}
