package org.speedsim.cli;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.TreeSet;
import org.speedsim.engine.swarm.ProtocolTrace;
import org.speedsim.reports.AtomicFiles;

/**
 * A {@link ProtocolTrace} writing one JSON object per protocol event and line:
 * {@code {"time_us":12000000,"kind":"unchoke","peer":3,"other":7,"value":0}}, keeping only the requested kinds (all
 * when none are requested).
 *
 * <p>Invariant: the file appears under its name only when {@link #close} succeeds (written to a temporary file in
 * the same directory, then renamed atomically); a write error stops the trace and is reported by {@link #close}.
 * Used by one run (one thread) at a time.
 */
public final class JsonLinesTrace implements ProtocolTrace, Closeable {

    private final Path target;
    private final Path temp;
    private final Set<String> kinds;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(128);
    private char[] chars = new char[128];
    private final Set<String> asked = new TreeSet<>();
    private final Set<String> written = new TreeSet<>();
    private long events;
    private IOException failure;
    private boolean closed;

    /** Starts a trace into {@code target}, keeping only {@code kinds} (empty: every kind). */
    public JsonLinesTrace(Path target, Set<String> kinds) throws IOException {
        this.target = target;
        this.kinds = Set.copyOf(kinds);
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.temp = AtomicFiles.createTemporary(target);
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8),
                1 << 16);
    }

    @Override
    public boolean wants(String kind) {
        asked.add(kind);
        return failure == null && (kinds.isEmpty() || kinds.contains(kind));
    }

    @Override
    public void emit(long timeMicros, String kind, int peer, int other, long value) {
        if (failure != null || !(kinds.isEmpty() || kinds.contains(kind))) {
            return;
        }
        line.setLength(0);
        line.append("{\"time_us\":").append(timeMicros).append(",\"kind\":\"");
        appendEscaped(line, kind);
        line.append("\",\"peer\":").append(peer).append(",\"other\":").append(other)
                .append(",\"value\":").append(value).append("}\n");
        int length = line.length();
        if (length > chars.length) {
            chars = new char[Math.max(length, 2 * chars.length)];
        }
        line.getChars(0, length, chars, 0);
        try {
            out.write(chars, 0, length);
            events++;
            written.add(kind);
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Events written so far. */
    public long events() {
        return events;
    }

    /** The file this trace ends up in. */
    public Path target() {
        return target;
    }

    /** Kinds the engine asked about ({@link #wants}) or emitted, sorted: what could have been traced. */
    public Set<String> kindsSeen() {
        Set<String> all = new TreeSet<>(asked);
        all.addAll(written);
        return all;
    }

    /** Requested kinds of which no event was written (often a typo). */
    public Set<String> kindsMissing() {
        Set<String> missing = new TreeSet<>(kinds);
        missing.removeAll(written);
        return missing;
    }

    /** Finishes the file and gives it its name; on failure, removes the temporary file and throws. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
            if (failure != null) {
                throw failure;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            IOException named = AtomicFiles.naming(target, e);
            throw named != null ? named : e;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void appendEscaped(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
    }
}
