package org.speedsim.scenarios;

/**
 * One thing wrong with a scenario, located as precisely as known: file, 1-based line and column (0 when unknown)
 * and the path of the offending field ({@code clients[1].seeding.mean}).
 */
public record Problem(String file, int line, int column, String path, String message) {

    /** How the message of a value that must be an integer but is not begins. */
    public static final String NOT_AN_INTEGER = "expected an integer";

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (path != null && !path.isEmpty()) {
            b.append(path).append(": ");
        }
        return b.append(message).toString();
    }
}
