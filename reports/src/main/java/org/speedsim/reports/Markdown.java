package org.speedsim.reports;

/**
 * Text from users and scenario files (labels, scenario names, values) made inert in Markdown: HTML such as
 * {@code <script>} or {@code <img onerror=...>} is shown as text, not rendered; Markdown syntax ({@code |} that would
 * split a table cell, {@code [..](..)} links, emphasis, code spans) is escaped; line breaks and control characters
 * become spaces, so a value never leaves its table row or heading.
 */
public final class Markdown {

    /** Characters escaped with a backslash: code spans, links and table cells; emphasis is left (it only styles). */
    private static final String ESCAPED = "\\`[]|";

    private Markdown() {
    }

    /** {@code s} safe as inline text: in a paragraph, a heading or a table cell. */
    public static String inline(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        b.append(' ');
                    } else {
                        if (ESCAPED.indexOf(c) >= 0) {
                            b.append('\\');
                        }
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /**
     * {@code text} in a fenced code block of language {@code language}, the fence longer than any run of backticks
     * in the text so that the text cannot close it.
     */
    public static String codeBlock(String language, String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + language + "\n" + text.stripTrailing() + "\n" + fence + "\n";
    }
}
