package org.speedsim.cli;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.speedsim.engine.swarm.ProgressListener;
import org.speedsim.engine.swarm.ProtocolTrace;
import org.speedsim.engine.swarm.RunResult;
import org.speedsim.engine.swarm.Swarm;
import org.speedsim.engine.swarm.SwarmConfig;
import org.speedsim.scenarios.Loaded;
import org.speedsim.scenarios.LoadedScenario;
import org.speedsim.scenarios.ScenarioException;
import org.speedsim.scenarios.ScenarioLoader;

/**
 * What the commands need from the rest of speedsim: a way to load scenarios, an engine to run a configuration, and
 * the terminal for progress display (null when output is not a terminal). {@link #standard()} wires the real ones;
 * tests pass their own.
 */
public record Services(ScenarioSource scenarios, Engine engine, Supplier<PrintWriter> terminal) {

    /**
     * Loads and validates a scenario file; overrides are {@code path=value}, optionally after the option they came
     * from ({@code --param x=1}), as {@link ScenarioLoader#load(Path, List)} takes them.
     */
    @FunctionalInterface
    public interface ScenarioSource {
        LoadedScenario load(Path file, List<String> overrides) throws ScenarioException;

        /** Loads a scenario of either kind, a swarm or a world ({@code kind: world}). */
        default Loaded loadAny(Path file, List<String> overrides) throws ScenarioException {
            return load(file, overrides);
        }

        /** This source, seeing also the plug-ins in {@code dirs} (a source without plug-ins ignores them). */
        default ScenarioSource withPlugins(List<Path> dirs) {
            return this;
        }
    }

    /** Runs one configuration to its end. */
    @FunctionalInterface
    public interface Engine {
        RunResult run(SwarmConfig config, ProtocolTrace trace, ProgressListener progress, long progressEveryMicros);
    }

    /** The scenario loader, the swarm engine and the process's console (if it is an interactive terminal). */
    public static Services standard() {
        return new Services(new PluginScenarios(List.of()),
                (config, trace, progress, every) -> {
                    Swarm swarm = new Swarm(config).trace(trace);
                    return (progress == null ? swarm : swarm.progress(progress, every)).run();
                },
                Services::interactiveConsole);
    }

    /**
     * The console's writer when the process talks to a terminal, else null. On JDK 22 and later
     * {@code System.console()} may exist without a terminal, so {@code Console.isTerminal()} is asked as well.
     */
    static PrintWriter interactiveConsole() {
        java.io.Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            if (!(Boolean) isTerminal.invoke(console)) {
                return null;
            }
        } catch (NoSuchMethodException e) {
            // before JDK 22 a console exists only for a terminal
        } catch (ReflectiveOperationException e) {
            return null;
        }
        return console.writer();
    }
}
