package org.speedsim.cli;

/**
 * Makes text from files and users safe to print on a terminal: control characters (escape sequences, carriage
 * returns, bytes of a binary file decoded as text) become {@code ?}, and a message is cut to its first line.
 */
final class Sanitize {

    /** The longest excerpt of foreign text put into a message. */
    static final int MAX_EXCERPT = 160;

    private Sanitize() {
    }

    /** The first line of {@code text} (with {@code " ..."} when more followed), printable and at most 300 chars. */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String s = text.strip();
        int nl = s.indexOf('\n');
        String first = nl < 0 ? s : s.substring(0, nl).stripTrailing() + " ...";
        return printable(first, 300);
    }

    /** {@code text} with every control or unprintable character replaced by {@code ?}, cut to {@code max} chars. */
    static String printable(String text, int max) {
        StringBuilder b = new StringBuilder(Math.min(text.length(), max + 3));
        for (int i = 0; i < text.length() && b.length() < max; i++) {
            char c = text.charAt(i);
            boolean control = Character.isISOControl(c) && c != '\t';
            boolean junk = c == '\uFFFD' || Character.getType(c) == Character.PRIVATE_USE
                    || Character.getType(c) == Character.UNASSIGNED || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT;
            b.append(control || junk ? '?' : c == '\t' ? ' ' : c);
        }
        if (text.length() > max) {
            b.append("...");
        }
        return b.toString();
    }
}
