package org.speedsim.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into {@link YNode}s with origins, turning every way the input can be bad (too large, not UTF-8,
 * binary, empty, syntax errors, duplicate keys, nesting too deep, alias bombs) into {@link Problem}s. Anchors on
 * maps and lists and their aliases are supported (the YAML parser does not report anchors on scalars); an alias counts the nodes it stands for against a budget, so a few lines cannot expand
 * into millions of nodes.
 *
 * <p>Invariant: {@link #read} and {@link #readText} never throw; on any problem they return null and add at least
 * one problem.
 */
final class YamlReader {

    /** The file name of the values the validator fills in as defaults. */
    static final String DEFAULT_ORIGIN = "<default>";


    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 64;
    static final int MAX_NODES = 100_000;
    static final int MAX_ALIASES = 100;

    private final YAMLFactory factory;

    YamlReader() {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_DEPTH + 2);
        options.setCodePointLimit(MAX_BYTES + 1);
        options.setAllowDuplicateKeys(true); // reported by the Builder, with the key's path
        factory = YAMLFactory.builder()
                .loaderOptions(options)
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_DEPTH + 2)
                        .maxStringLength(MAX_BYTES)
                        .maxNumberLength(100)
                        .build())
                .build();
    }

    /** Reads a scenario file; {@code shown} is how problems name it. */
    YNode read(Path file, String shown, List<Problem> problems) {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                problems.add(new Problem(shown, 0, 0, "", "no such file"));
                return null;
            }
            if (Files.size(file) > MAX_BYTES) {
                problems.add(new Problem(shown, 0, 0, "", "file is larger than " + (MAX_BYTES >> 20)
                        + " MiB; a scenario is a short text file"));
                return null;
            }
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Problem(shown, 0, 0, "", "cannot read the file: " + e.getMessage()));
            return null;
        }
        if (bytes.length > MAX_BYTES) {
            problems.add(new Problem(shown, 0, 0, "", "file is larger than " + (MAX_BYTES >> 20) + " MiB"));
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(shown, 0, 0, "", "not a text file (not valid UTF-8)"));
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
                int line = 1 + (int) text.substring(0, i).chars().filter(ch -> ch == '\n').count();
                problems.add(new Problem(shown, line, 0, "", "not a text file (control character 0x"
                        + Integer.toHexString(c) + ")"));
                return null;
            }
        }
        return readText(text, shown, problems);
    }

    /** Reads one YAML document from text. */
    YNode readText(String text, String shown, List<Problem> problems) {
        int before = problems.size();
        try (JsonParser p = factory.createParser(text)) {
            Builder b = new Builder(p, shown, problems);
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(new Problem(shown, 0, 0, "", "the file is empty"));
                return null;
            }
            YNode root = b.value(0);
            if (root != null && p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                problems.add(new Problem(shown, l.getLineNr(), l.getColumnNr(), "",
                        "more than one YAML document; a scenario is one document"));
                return null;
            }
            return problems.size() == before ? root : null;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            int line = l == null ? 0 : Math.max(0, l.getLineNr());
            int column = l == null ? 0 : Math.max(0, l.getColumnNr());
            String message = firstLine(e.getOriginalMessage());
            if (e.getCause() instanceof MarkedYAMLException m) {
                message = (m.getContext() == null ? "" : m.getContext() + ": ") + m.getProblem();
                if (m.getProblemMark() != null) {
                    line = m.getProblemMark().getLine() + 1;
                    column = m.getProblemMark().getColumn() + 1;
                }
            }
            problems.add(new Problem(shown, line, column, "", "YAML syntax error: " + oneLine(message)));
        } catch (Budget e) {
            problems.add(new Problem(shown, e.line, e.column, "", e.getMessage()));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            problems.add(new Problem(shown, 0, 0, "", "cannot read YAML: " + firstLine(e)));
        }
        return null;
    }

    private static String oneLine(String s) {
        return String.valueOf(s).replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static String firstLine(Throwable e) {
        return firstLine(e.getMessage());
    }

    private static String firstLine(String message) {
        String m = String.valueOf(message);
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    /** A limit on depth, size or aliases was hit; reading stops. */
    private static final class Budget extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        Budget(String message, JsonLocation l) {
            super(message, null, false, false);
            line = l.getLineNr();
            column = l.getColumnNr();
        }
    }

    /** Builds nodes from the token stream, one instance per document. */
    private static final class Builder {
        private final JsonParser p;
        private final String file;
        private final List<Problem> problems;
        private final java.util.Map<String, YNode> anchors = new HashMap<>();
        private final java.util.Map<YNode, Integer> sizes = new java.util.IdentityHashMap<>();
        private int nodes;
        private int aliases;

        Builder(JsonParser p, String file, List<Problem> problems) {
            this.p = p;
            this.file = file;
            this.problems = problems;
        }

        private YNode.Origin here() {
            JsonLocation l = p.currentTokenLocation();
            return new YNode.Origin(file, l.getLineNr(), l.getColumnNr());
        }

        private void count(int n) {
            nodes += n;
            if (nodes > MAX_NODES) {
                throw new Budget("the document expands to more than " + MAX_NODES
                        + " values (alias bomb?); a scenario is small", p.currentTokenLocation());
            }
        }

        /** The value at the current token. */
        YNode value(int depth) throws IOException {
            if (depth > MAX_DEPTH) {
                throw new Budget("nesting deeper than " + MAX_DEPTH + " levels", p.currentTokenLocation());
            }
            String anchor = p instanceof YAMLParser y ? y.getObjectId() : null;
            if (p instanceof YAMLParser y && y.isCurrentAlias()) {
                return alias(p.getText());
            }
            int startNodes = nodes;
            YNode.Origin origin = here();
            JsonToken t = p.currentToken();
            YNode node;
            count(1);
            switch (t) {
                case START_OBJECT -> {
                    List<YNode.Entry> entries = new ArrayList<>();
                    Set<String> seen = new HashSet<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        YNode.Origin keyOrigin = here();
                        p.nextToken();
                        YNode v = value(depth + 1);
                        if (!seen.add(key)) {
                            problems.add(new Problem(file, keyOrigin.line(), keyOrigin.column(), key,
                                    "duplicate key '" + key + "'"));
                        } else {
                            entries.add(new YNode.Entry(key, keyOrigin, v));
                        }
                    }
                    node = new YNode.Map(origin, entries);
                }
                case START_ARRAY -> {
                    List<YNode> items = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        items.add(value(depth + 1));
                    }
                    node = new YNode.Seq(origin, items);
                }
                case VALUE_STRING -> node = p.getText().isEmpty()
                        ? new YNode.Scalar(origin, YNode.Scalar.Type.NULL, "")
                        : new YNode.Scalar(origin, YNode.Scalar.Type.STRING, p.getText());
                case VALUE_NUMBER_INT -> node = new YNode.Scalar(origin, YNode.Scalar.Type.INT, p.getText());
                case VALUE_NUMBER_FLOAT -> node = new YNode.Scalar(origin, YNode.Scalar.Type.FLOAT, p.getText());
                case VALUE_TRUE, VALUE_FALSE -> node = new YNode.Scalar(origin, YNode.Scalar.Type.BOOL,
                        String.valueOf(t == JsonToken.VALUE_TRUE));
                case VALUE_NULL -> node = new YNode.Scalar(origin, YNode.Scalar.Type.NULL, "");
                default -> node = new YNode.Scalar(origin, YNode.Scalar.Type.STRING, String.valueOf(p.getText()));
            }
            if (anchor != null) {
                anchors.put(anchor, node);
                sizes.put(node, nodes - startNodes);
            }
            return node;
        }

        private YNode alias(String name) {
            YNode target = anchors.get(name);
            if (target == null) {
                throw new Budget("alias *" + name + " refers to no anchor defined before it (only maps and lists"
                        + " can be anchored)",
                        p.currentTokenLocation());
            }
            if (++aliases > MAX_ALIASES) {
                throw new Budget("more than " + MAX_ALIASES + " aliases", p.currentTokenLocation());
            }
            count(sizes.getOrDefault(target, 1));
            return target;
        }
    }
}
