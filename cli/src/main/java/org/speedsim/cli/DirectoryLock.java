package org.speedsim.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The lock that makes speedsim one process per output directory: an OS file lock ({@link FileChannel#tryLock}) on
 * {@value #FILE} inside the directory, which the operating system releases when the process exits or is killed. The
 * holder writes who it is (pid, host, start time, command) into the file, so a second process can say who holds it.
 *
 * <p>Invariants: the lock file is never deleted while speedsim runs (deleting it would let a third process lock a new
 * file while the second still holds the old one); it is only read by processes that do not hold it, because closing
 * any descriptor of a locked file drops the POSIX lock of the process that closes it.
 */
final class DirectoryLock implements AutoCloseable {

    /** Name of the lock file inside a locked directory. */
    static final String FILE = ".speedsim-lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code dir} (which must exist) for this process, or says who holds it.
     *
     * @param command the command line, recorded for a process that finds the directory locked
     * @throws UserInputException when another process (or another command of this one) holds the lock
     */
    static DirectoryLock acquire(Path dir, String command) throws UserInputException, IOException {
        Path file = dir.resolve(FILE);
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new UserInputException(file + " is not a regular file (a symbolic link, directory, device or fifo); "
                    + "speedsim never follows or replaces one: remove it or choose another --out");
        }
        // a lock file planted as a link must not make speedsim truncate what it points to
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            channel.close();
            throw new UserInputException(dir + " is in use by another command of this process; one speedsim command "
                    + "at a time per output directory");
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new UserInputException(dir + " is in use by another speedsim process (" + holder(file) + "); "
                    + "wait for it to finish or choose another --out");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(description(command).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            lock.release();
            channel.close();
            throw e;
        }
        return new DirectoryLock(channel, lock);
    }

    /** Who holds the lock, as its holder wrote it: {@code pid 12 on host h since 2026-...: speedsim run ...}. */
    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "it has not yet said who it is" : text.replace('\n', ' ');
        } catch (IOException e) {
            return "unreadable " + file + ": " + ErrorHandler.describe(e);
        }
    }

    private static String description(String command) {
        return "pid " + ProcessHandle.current().pid() + " on host " + host() + " since "
                + Instant.now().truncatedTo(ChronoUnit.SECONDS) + ": " + command.replace('\n', ' ') + "\n";
    }

    private static String host() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return Files.readString(Path.of("/etc/hostname")).strip();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** Releases the lock (the file stays, for the next holder to overwrite). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
