package org.speedsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A user's files seeded into a directory, and the content hashes that show none was deleted or changed. */
final class UserFiles {

    /** What a researcher keeps in a folder: text, data, configuration, a binary figure, a package file. */
    static final List<String> NAMES = List.of("thesis.md", "data/measurements.csv", "config.yaml",
            "figures/fig1.png", "package.json");

    private UserFiles() {
    }

    /** Writes {@link #NAMES} into {@code dir} (created if missing), each with distinct content. */
    static void seed(Path dir) throws IOException {
        Random random = new Random(dir.toString().hashCode());
        for (String name : NAMES) {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            if (name.endsWith(".png")) {
                byte[] bytes = new byte[4096];
                random.nextBytes(bytes);
                Files.write(file, bytes);
            } else {
                Files.writeString(file, "the user's " + name + " " + random.nextLong() + "\n", StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * SHA-256 of every regular file under {@code root} by relative path, links not followed; without the lock file,
     * which each command rewrites with its own pid.
     */
    static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        if (!Files.exists(root)) {
            return hashes;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && !p.getFileName().toString().equals(DirectoryLock.FILE)) {
                    hashes.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
                }
            }
        }
        return hashes;
    }

    /** {@link #hashes} of the user's files only. */
    static Map<String, String> userHashes(Path dir) throws IOException {
        Map<String, String> all = hashes(dir);
        all.keySet().retainAll(NAMES);
        return all;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
