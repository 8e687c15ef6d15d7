package org.speedsim.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.speedsim.reports.AtomicFiles;
import picocli.CommandLine.Model.CommandSpec;

/**
 * An output directory speedsim writes into (a run's {@code <out>/<scenario>}, an experiment's {@code <out>/<name>},
 * a report directory), held for one command: locked against other processes ({@link DirectoryLock}) and with a
 * record of every file written into it ({@link OutputManifest}).
 *
 * <p>Speedsim's own files are those its manifests list (the directory's, and those of directories inside it, such as
 * a run's {@code report/}), their temporaries ({@code .<name>.<pid>-<thread>[-n].tmp} beside a listed file), and the
 * manifests and lock files themselves. Everything else (any file not listed, any symbolic link, device or fifo) is
 * the user's.
 *
 * <p>Invariants: while open, the directory is locked and every write through {@link AtomicFiles} under it is recorded
 * before it happens; a write would replace an existing file only if it is listed and regular, and never goes through
 * a symbolic link; {@link #deleteOurs} deletes nothing of the user's.
 */
final class OwnedDirectory implements AutoCloseable, AtomicFiles.Recorder {

    private static final Pattern TEMPORARY = Pattern.compile("\\.(.+)\\.[0-9]+-[0-9]+(-[0-9]+)?"
            + Pattern.quote(AtomicFiles.TEMP_SUFFIX));

    private final Path dir;
    private final Path absolute;
    private final List<Path> created;
    private final boolean hadManifest;
    private final DirectoryLock lock;
    private OutputManifest manifest;
    private boolean recording;

    private OwnedDirectory(Path dir, List<Path> created, boolean hadManifest, DirectoryLock lock) {
        this.dir = dir;
        this.absolute = dir.toAbsolutePath().normalize();
        this.created = created;
        this.hadManifest = hadManifest;
        this.lock = lock;
    }

    /**
     * Creates {@code dir} if needed and locks it. Nothing in it is changed yet.
     *
     * @param command the command line, shown to a process that finds the directory locked
     * @throws UserInputException when it cannot be created or locked (a file in the way, read-only, a name too
     *                            long, another process holding it)
     */
    static OwnedDirectory open(Path dir, String command) throws UserInputException {
        if (Files.isSymbolicLink(dir)) {
            throw new UserInputException(dir + " is a symbolic link; speedsim writes only into a real directory");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserInputException(dir + " is a file, not a directory; choose another --out");
        }
        List<Path> created = new ArrayList<>();
        try {
            for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p, LinkOption.NOFOLLOW_LINKS);
                 p = p.getParent()) {
                created.add(0, p);
            }
            for (java.util.Iterator<Path> i = created.iterator(); i.hasNext(); ) {
                Path p = i.next();
                try {
                    Files.createDirectory(p);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        throw e;
                    }
                    i.remove(); // another process made it at the same moment: not this command's to remove
                }
            }
            boolean hadManifest = OutputManifest.exists(dir);
            DirectoryLock lock = DirectoryLock.acquire(dir, command);
            return new OwnedDirectory(dir, created, hadManifest, lock);
        } catch (IOException e) {
            throw new UserInputException(EnvironmentProblem.describe(e, dir));
        }
    }

    /** The command line of a command, as the lock shows it to a process that finds the directory in use. */
    static String command(CommandSpec spec) {
        return "speedsim " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    Path dir() {
        return dir;
    }

    /** Whether the directory holds nothing but speedsim's lock and manifest (files or directories). */
    boolean isEmpty() throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (!isBookkeeping(p.getFileName().toString())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether a manifest was there when the directory was opened (an earlier speedsim wrote into it). */
    boolean hadManifest() {
        return hadManifest;
    }

    /** The refusal for a non-empty directory without a manifest: speedsim cannot tell its files from the user's. */
    UserInputException noManifest() throws IOException {
        List<Path> files = walk(false);
        return new UserInputException(dir + " holds " + (files.isEmpty() ? "directories" : files.get(0)
                + (files.size() > 1 ? " and " + (files.size() - 1) + " more files" : ""))
                + " but no " + OutputManifest.FILE + " (it was not written by speedsim, or by a version before "
                + "manifests), so speedsim cannot tell its files from yours and changes nothing there; move it away "
                + "or choose another --out");
    }

    /**
     * Refuses, unless every file in it is speedsim's, to replace this non-empty directory's contents: without
     * {@code force}, without a manifest, or while it holds a file of the user's ({@code advice} says what to do).
     */
    void requireReplaceable(boolean force, String advice) throws UserInputException, IOException {
        if (!force) {
            throw new UserInputException(dir + " already exists; choose another --out or pass --force to replace it");
        }
        if (!hadManifest) {
            throw noManifest();
        }
        requireNoForeign(advice);
    }

    /** Refuses {@code --force} while the directory holds a file of the user's ({@code advice} says what to do). */
    void requireNoForeign(String advice) throws UserInputException, IOException {
        List<Path> foreign = foreign();
        if (!foreign.isEmpty()) {
            throw refusal("--force refused", foreign, "speedsim deletes only its own files: " + advice);
        }
    }

    /**
     * After {@code failure} while preparing the directory: removes it if this command created it and it is still
     * empty, and releases the lock; a failure of that cleanup is added to {@code failure} as suppressed.
     */
    void abandon(Exception failure) {
        try {
            discardIfEmpty();
            close();
        } catch (IOException suppressed) {
            failure.addSuppressed(suppressed);
        }
    }

    /** What is the user's in the directory (see the class comment), in walk order. */
    List<Path> foreign() throws IOException {
        return walk(false);
    }

    /** Symbolic links, devices, fifos and sockets in the directory: never written through, also on resume. */
    List<Path> links() throws IOException {
        return walk(true);
    }

    /** The refusal naming the first of {@code paths}. */
    UserInputException refusal(String what, List<Path> paths, String advice) {
        return new UserInputException(what + ": " + dir + " holds " + paths.get(0)
                + (paths.size() > 1 ? " and " + (paths.size() - 1) + " more" : "")
                + " that speedsim did not write (not in its " + OutputManifest.FILE + "); " + advice);
    }

    private List<Path> walk(boolean linksOnly) throws IOException {
        Set<Path> ours = ourFiles();
        List<Path> found = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                boolean strange = !attrs.isRegularFile() && !attrs.isDirectory();
                if (strange || (!linksOnly && !isOurs(file, ours))) {
                    found.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return found;
    }

    /** Every file the manifests in the tree list, as absolute normalised paths. */
    private Set<Path> ourFiles() throws IOException {
        Set<Path> ours = new HashSet<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) throws IOException {
                for (String e : OutputManifest.read(d)) {
                    ours.add(d.toAbsolutePath().resolve(e).normalize());
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return ours;
    }

    private static boolean isOurs(Path file, Set<Path> ours) {
        String name = file.getFileName().toString();
        if (isBookkeeping(name)) {
            return true;
        }
        Path p = file.toAbsolutePath().normalize();
        if (ours.contains(p)) {
            return true;
        }
        Matcher m = TEMPORARY.matcher(name);
        return m.matches() && ours.contains(p.resolveSibling(m.group(1)));
    }

    private static boolean isBookkeeping(String name) {
        return name.equals(DirectoryLock.FILE) || name.startsWith(OutputManifest.FILE);
    }

    /**
     * Deletes speedsim's files (listed ones, their temporaries, and the bookkeeping of directories inside), then the
     * directories that held them and are left empty; the user's files and directories stay. Call after
     * {@link #foreign} found nothing, to replace earlier output.
     */
    void deleteOurs() throws IOException {
        Set<Path> ours = ourFiles();
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                boolean top = file.getParent().toAbsolutePath().normalize().equals(absolute)
                        && isBookkeeping(file.getFileName().toString());
                if (attrs.isRegularFile() && !top && isOurs(file, ours)) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Set<Path> parents = new LinkedHashSet<>();
        for (Path f : files) {
            Files.deleteIfExists(f);
            for (Path p = f.getParent(); p != null && !p.toAbsolutePath().normalize().equals(absolute);
                 p = p.getParent()) {
                parents.add(p);
            }
        }
        List<Path> deepestFirst = new ArrayList<>(parents);
        deepestFirst.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        for (Path p : deepestFirst) {
            if (isEmptyDirectory(p)) {
                Files.delete(p);
            }
        }
        openManifest().retainOnly(Set.of());
    }

    /** Deletes the temporary files of listed files that a killed speedsim left behind. */
    void deleteTemporaries() throws IOException {
        Set<Path> ours = ourFiles();
        List<Path> temporaries = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                Matcher m = TEMPORARY.matcher(file.getFileName().toString());
                if (attrs.isRegularFile() && m.matches()
                        && ours.contains(file.toAbsolutePath().normalize().resolveSibling(m.group(1)))) {
                    temporaries.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path t : temporaries) {
            Files.deleteIfExists(t);
        }
    }

    /** From now on, records every write under the directory (see {@link #beforeWrite}). */
    void startRecording() throws IOException {
        openManifest();
        if (!recording) {
            AtomicFiles.addRecorder(this);
            recording = true;
        }
    }

    private OutputManifest openManifest() throws IOException {
        if (manifest == null) {
            manifest = OutputManifest.open(dir);
        }
        return manifest;
    }

    /**
     * Records a file about to be written, if it is under the directory; refuses to replace a file speedsim did not
     * write or to write through a symbolic link.
     */
    @Override
    public void beforeWrite(Path target) throws IOException {
        Path p = target.toAbsolutePath().normalize();
        if (!p.startsWith(absolute) || p.equals(absolute)) {
            return;
        }
        for (Path d = p.getParent(); !d.equals(absolute); d = d.getParent()) {
            if (Files.isSymbolicLink(d)) {
                throw new ForeignFileException(d + " is a symbolic link; speedsim does not write through links");
            }
        }
        String entry = absolute.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/");
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)
                && (!manifest.contains(entry) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))) {
            throw new ForeignFileException("refusing to replace " + p + ": speedsim did not write it (not in "
                    + absolute.resolve(OutputManifest.FILE) + ")");
        }
        manifest.record(entry);
    }

    /** Whether {@code file} (anywhere, e.g. a trace) was written by an earlier command into this directory. */
    boolean wrote(Path file) throws IOException {
        Path p = file.toAbsolutePath().normalize();
        Set<String> entries = openManifest().entries();
        return entries.contains(p.toString())
                || (p.startsWith(absolute) && entries.contains(absolute.relativize(p).toString().replace('\\', '/')));
    }

    /** Records a file outside the directory (a trace) that this command is about to write. */
    void recordElsewhere(Path file) throws IOException {
        Path p = file.toAbsolutePath().normalize();
        if (!p.startsWith(absolute)) {
            openManifest().record(p.toString());
        }
    }

    /**
     * After a command that kept nothing: removes the manifest, and the directory if this command created it, so the
     * directory is as before (a directory the user made stays, holding only the lock file).
     */
    void discardIfEmpty() throws IOException {
        if (!isEmpty()) {
            return;
        }
        openManifest().delete();
        if (!created.isEmpty()) {
            Files.deleteIfExists(dir.resolve(DirectoryLock.FILE));
            for (int i = created.size() - 1; i >= 0 && isEmptyDirectory(created.get(i)); i--) {
                Files.delete(created.get(i));
            }
        }
    }

    private static boolean isEmptyDirectory(Path d) throws IOException {
        if (!Files.isDirectory(d, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(d)) {
            return !entries.iterator().hasNext();
        }
    }

    /** Stops recording and releases the lock. */
    @Override
    public void close() throws IOException {
        AtomicFiles.removeRecorder(this);
        recording = false;
        try {
            if (manifest != null) {
                manifest.close();
            }
        } finally {
            lock.close();
        }
    }

    /** A write refused because it would replace or go through something that is not speedsim's. */
    static final class ForeignFileException extends IOException {
        private static final long serialVersionUID = 1L;

        ForeignFileException(String message) {
            super(message);
        }
    }
}
