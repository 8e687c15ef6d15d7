package org.speedsim.strategies;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the {@link StrategyPlugin}s in the jars of some directories, with {@link ServiceLoader}, and registers them
 * beside the built-ins. Jars are read in the order of the directories, then of their file names, all through one
 * class loader (so that a plug-in may use a library jar beside it).
 *
 * <p>Every failure is a {@link PluginException} with a one-line message naming the jar: a class that does not load
 * (missing, of a newer Java, failing its static initialiser or constructor, not a {@code StrategyPlugin}), a kind
 * that is not a strategy kind, a bad parameter declaration, or a name already taken (by a built-in or another
 * plug-in of the same kind).
 */
public final class Plugins {

    private static final String SERVICES = "META-INF/services/" + StrategyPlugin.class.getName();
    private static final Pattern PROVIDER = Pattern.compile("Provider (\\S+)");

    private Plugins() {
    }

    /** The jars directly in {@code dir}, by file name. */
    public static List<Path> jarsIn(Path dir) throws PluginException {
        if (!Files.isDirectory(dir)) {
            throw new PluginException(dir.toString(), "no such plug-in directory");
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).sorted()
                    .toList();
        } catch (IOException e) {
            throw new PluginException(dir.toString(), "cannot list the plug-in directory: " + e.getMessage());
        }
    }

    /** A registry of the built-ins and every plug-in in the jars of {@code dirs}. */
    public static StrategyRegistry registry(List<Path> dirs) throws PluginException {
        StrategyRegistry registry = StrategyRegistry.builtIn();
        List<Path> jars = new ArrayList<>();
        for (Path dir : dirs) {
            jars.addAll(jarsIn(dir));
        }
        if (!jars.isEmpty()) {
            register(registry, jars);
        }
        return registry;
    }

    /** Registers in {@code registry} the plug-ins the {@code jars} declare. */
    public static void register(StrategyRegistry registry, List<Path> jars) throws PluginException {
        Map<String, Path> declaredIn = declarations(jars);
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = jars.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new PluginException(jars.get(i).toString(), "not a jar path: " + e.getMessage());
            }
        }
        // the loader stays open: the plug-ins' classes load lazily while the run goes on
        URLClassLoader loader = new URLClassLoader(urls, Plugins.class.getClassLoader());
        Iterator<StrategyPlugin> it = ServiceLoader.load(StrategyPlugin.class, loader).iterator();
        while (true) {
            StrategyPlugin<?> plugin;
            try {
                if (!it.hasNext()) {
                    break;
                }
                plugin = it.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                throw broken(e, declaredIn, jars);
            }
            String origin = origin(plugin, declaredIn, jars);
            try {
                registry.register(plugin, origin);
            } catch (IllegalArgumentException | LinkageError e) {
                throw new PluginException(origin, "plug-in " + plugin.getClass().getName() + ": " + oneLine(e));
            }
        }
    }

    /** For each plug-in class name, the jar whose services file declares it. */
    private static Map<String, Path> declarations(List<Path> jars) throws PluginException {
        Map<String, Path> in = new LinkedHashMap<>();
        for (Path jar : jars) {
            try (JarFile f = new JarFile(jar.toFile())) {
                var entry = f.getEntry(SERVICES);
                if (entry == null) {
                    continue;
                }
                try (InputStream s = f.getInputStream(entry)) {
                    for (String line : new String(s.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                        String name = line.replaceFirst("#.*", "").strip();
                        Path other = name.isEmpty() ? null : in.putIfAbsent(name, jar);
                        if (other != null && !other.equals(jar)) {
                            throw new PluginException(jar.toString(), "plug-in class " + name
                                    + " is provided twice: by " + other + " and by " + jar);
                        }
                    }
                }
            } catch (IOException e) {
                throw new PluginException(jar.toString(), "not a readable jar: " + e.getMessage());
            }
        }
        return in;
    }

    private static PluginException broken(Throwable e, Map<String, Path> declaredIn, List<Path> jars) {
        Matcher m = PROVIDER.matcher(String.valueOf(e.getMessage()));
        String cls = m.find() ? m.group(1) : null;
        Path jar = cls == null ? null : declaredIn.get(cls);
        String where = jar != null ? jar.toString() : jars.size() == 1 ? jars.get(0).toString()
                : "one of " + jars;
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root == e ? oneLine(e) : oneLine(root);
        return new PluginException(where, (cls == null ? "a plug-in class" : "plug-in class " + cls)
                + " fails to load: " + what);
    }

    private static String origin(Object plugin, Map<String, Path> declaredIn, List<Path> jars) {
        Path jar = declaredIn.get(plugin.getClass().getName());
        return jar != null ? jar.toString() : String.valueOf(jars);
    }

    private static String oneLine(Throwable e) {
        String m = e.getMessage();
        String text = e instanceof IllegalArgumentException ? m
                : e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        return text == null ? e.getClass().getSimpleName() : text.replaceAll("\\s*\\R\\s*", " ");
    }
}
