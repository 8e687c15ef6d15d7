package org.speedsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.speedsim.reports.AtomicFiles;

/**
 * The directory of an experiment ({@code compare}, {@code sweep}), {@code <out>/<name>/}: a manifest
 * ({@code <kind>.json}: the kind, seed, replications and every variant with its parameters and the SHA-256 of its
 * resolved scenario), one standard run directory per variant and replication, and the experiment's tables and charts.
 *
 * <p>Invariant: an experiment is resumed only into a directory whose manifest is the same experiment; a different
 * one is refused unless {@code force}, and {@code force} deletes only files speedsim wrote ({@link OwnedDirectory}:
 * known from its {@link OutputManifest}, not from names), and only when the directory holds nothing else.
 */
final class ExperimentDirectory {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Whether the experiment was started afresh or resumed from an earlier, interrupted one. */
    enum Start { FRESH, RESUMED }

    /** A prepared directory, locked until {@code owned} is closed. */
    record Prepared(OwnedDirectory owned, Start start) {
        Path dir() {
            return owned.dir();
        }
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
     * Opens {@code <out>/<safeName(name)>} for an experiment: created and locked, with {@code manifest} written as
     * {@code <kind>.json}, or resumed when it already holds the same manifest. Speedsim's leftover temporary files
     * are deleted either way.
     *
     * @throws UserInputException when it holds something else and {@code force} is false; when it holds files but no
     *                            {@link OutputManifest}; when it holds a symbolic link, device or fifo (never
     *                            written through, also on resume); with {@code force}, when it holds files speedsim
     *                            did not write; when it cannot be created or another process holds it
     */
    static Prepared prepare(Path out, String name, ObjectNode manifest, boolean force, String command)
            throws UserInputException, IOException {
        OwnedDirectory owned = OwnedDirectory.open(out.resolve(OutputDirectory.safeName(name)), command);
        try {
            Path dir = owned.dir();
            Path file = dir.resolve(manifest.get("kind").asText() + ".json");
            Start start = Start.FRESH;
            if (!owned.isEmpty()) {
                if (!owned.hadManifest()) {
                    throw owned.noManifest();
                }
                List<Path> links = owned.links();
                if (!links.isEmpty()) {
                    throw new UserInputException((force ? "--force refused: " : "cannot resume: ") + links.get(0)
                            + (links.size() > 1 ? " and " + (links.size() - 1) + " more" : "") + " in " + dir
                            + " is a symbolic link, device or fifo; speedsim never writes through one: remove it "
                            + "or choose another --out");
                }
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
                    owned.requireNoForeign("remove or move yours, or choose another --out or --name");
                    owned.deleteOurs();
                }
            }
            owned.deleteTemporaries();
            owned.startRecording();
            if (start == Start.FRESH) {
                AtomicFiles.write(file, JSON.writeValueAsString(manifest) + "\n");
            }
            return new Prepared(owned, start);
        } catch (UserInputException | IOException | RuntimeException e) {
            owned.abandon(e);
            throw e;
        }
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
