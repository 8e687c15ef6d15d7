package org.speedsim.strategies;

/** A plug-in that cannot be used: its message is one line naming the jar or the plug-in and what is wrong. */
public final class PluginException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Where the problem is: a jar or a directory. */
    private final String where;

    public PluginException(String where, String message) {
        super(message);
        this.where = where;
    }

    public String where() {
        return where;
    }
}
