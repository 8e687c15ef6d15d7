package org.speedsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The directory of an experiment ({@code compare}, {@code sweep}), {@code <out>/<name>/}: a manifest
 * ({@code <kind>.json}: the kind, seed, replications and every variant with its parameters and the SHA-256 of its
 * resolved scenario), one standard run directory per variant and replication, and the experiment's tables and charts.
 *
 * <p>Invariant: an experiment is resumed only into a directory whose manifest is the same experiment; a different
 * one (or a directory without a manifest) is refused unless {@code force}, and {@code force} deletes only a directory
 * whose every file looks like speedsim output.
 */
final class ExperimentDirectory {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> OUTPUT_EXTENSIONS = Set.of("yaml", "csv", "json", "png", "svg", "md", "html",
            "tmp");

    /** Whether the experiment was started afresh or resumed from an earlier, interrupted one. */
    enum Start { FRESH, RESUMED }

    /** A prepared directory. */
    record Prepared(Path dir, Start start) {
    }

    private ExperimentDirectory() {
    }

    /** The manifest of an experiment. */
    static ObjectNode manifest(String kind, String name, long seed, int replications, List<Variant> variants,
                               Map<String, List<String>> parameters) {
        ObjectNode m = JSON.createObjectNode();
        m.put("kind", kind);
        m.put("name", name);
        m.put("seed", seed);
        m.put("replications", replications);
        ObjectNode params = m.putObject("parameters");
        parameters.forEach((path, values) -> values.forEach(params.withArray(path)::add));
        ArrayNode vs = m.putArray("variants");
        for (Variant v : variants) {
            ObjectNode o = vs.addObject();
            o.put("label", v.label());
            o.put("directory", v.directory());
            ObjectNode p = o.putObject("parameters");
            v.parameters().forEach(p::put);
            o.put("scenarioSha256", sha256(v.scenario().resolvedYaml()));
        }
        return m;
    }

    /**
     * Creates {@code <out>/<safeName(name)>} with {@code manifest} written as {@code <kind>.json}, or resumes it when
     * it already holds the same manifest.
     *
     * @throws UserInputException when it holds something else and {@code force} is false, or (with {@code force})
     *                            files speedsim did not write
     */
    static Prepared prepare(Path out, String name, ObjectNode manifest, boolean force)
            throws UserInputException, IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserInputException("--out " + out + " is a file, not a directory");
        }
        Path dir = out.resolve(OutputDirectory.safeName(name));
        Path file = dir.resolve(manifest.get("kind").asText() + ".json");
        Start start = Start.FRESH;
        if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS) && !isEmptyDirectory(dir)) {
            // compared as read back, so numbers compare by value whatever node type built them
            JsonNode wanted = JSON.readTree(JSON.writeValueAsString(manifest));
            String difference = Files.isRegularFile(file) ? difference(read(file), wanted)
                    : "it holds no " + file.getFileName();
            if (difference == null && !force) {
                start = Start.RESUMED;
            } else if (!force) {
                throw new UserInputException(dir + " holds a different " + manifest.get("kind").asText() + " ("
                        + difference + "); choose another --out or --name, or pass --force to replace it");
            } else {
                deleteOurs(dir);
            }
        }
        Files.createDirectories(dir);
        if (start == Start.FRESH) {
            AtomicFiles.write(file, JSON.writeValueAsString(manifest) + "\n");
        }
        return new Prepared(dir, start);
    }

    private static JsonNode read(Path file) throws UserInputException {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserInputException(file + ": unreadable manifest (" + ErrorHandler.describe(e) + "); pass "
                    + "--force to replace the directory");
        }
    }

    /** The first difference between two manifests, in words, or null when they are equal. */
    static String difference(JsonNode old, JsonNode now) {
        if (old == null || !old.isObject()) {
            return "its manifest is not a JSON object";
        }
        for (String key : List.of("kind", "name", "seed", "replications", "parameters")) {
            if (!now.get(key).equals(old.get(key))) {
                return key + " was " + old.get(key) + ", now " + now.get(key);
            }
        }
        JsonNode a = old.get("variants");
        JsonNode b = now.get("variants");
        if (a == null || a.size() != b.size()) {
            return "it has " + (a == null ? 0 : a.size()) + " variants, now " + b.size();
        }
        for (int i = 0; i < b.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                boolean sameLabel = a.get(i).path("label").equals(b.get(i).path("label"));
                return "variant " + b.get(i).path("label").asText()
                        + (sameLabel ? " has a different resolved scenario" : " was " + a.get(i).path("label").asText());
            }
        }
        return old.equals(now) ? null : "its manifest differs";
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }

    /** Deletes {@code dir} after checking every entry is a directory or a file of a speedsim output type. */
    private static void deleteOurs(Path dir) throws IOException, UserInputException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.toList();
        }
        List<Path> foreign = new ArrayList<>();
        for (Path p : all) {
            if (Files.isSymbolicLink(p) || (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) && !isOutputFile(p))) {
                foreign.add(p);
            }
        }
        if (!foreign.isEmpty()) {
            throw new UserInputException("--force refused: " + dir + " holds files speedsim did not write ("
                    + foreign.get(0) + (foreign.size() > 1 ? " and " + (foreign.size() - 1) + " more" : "")
                    + "); remove them or choose another --out");
        }
        List<Path> deepestFirst = new ArrayList<>(all);
        deepestFirst.sort((x, y) -> y.getNameCount() - x.getNameCount());
        for (Path p : deepestFirst) {
            Files.delete(p);
        }
    }

    private static boolean isOutputFile(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && OUTPUT_EXTENSIONS.contains(name.substring(dot + 1)) && Files.isRegularFile(p);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Writes a JSON tree atomically, indented. */
    static void writeJson(Path file, JsonNode node) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsString(node) + "\n");
    }
}
