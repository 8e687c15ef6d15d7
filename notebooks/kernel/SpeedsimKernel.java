package org.speedsim.notebooks;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;

/**
 * Starts rapaio-jupyter-kernel (3.0.1) as its own {@code MainApp} does, minus its two start-up races, which made
 * about one start in three fail on a loaded 2-core machine:
 * <ol>
 *   <li>{@code Channels.connect} binds the sockets and starts their loop threads before it creates its table of
 *   message handlers, so a {@code kernel_info_request} already queued by the client reaches the shell loop while the
 *   table is null and the loop dies of a NullPointerException. Here the table is, until {@code connect} returns, one
 *   whose lookups wait for {@code connect} to finish.</li>
 *   <li>{@code LoopThread.start} sets its {@code running} flag only after {@code Thread.start}, so a loop thread that
 *   runs first sees {@code false} and ends at once, leaving a kernel that never answers. Right after {@code connect}
 *   every loop thread that ended so is replaced by a new one running the same loop body, its flag set before it
 *   starts. Should a replacement end too, the kernel exits with code 3 and the message below, so the client reports
 *   "Kernel died before replying to kernel_info" within a second (and {@code notebooks/run} retries, the notebook
 *   server restarts the kernel) instead of waiting for a time-out.</li>
 * </ol>
 * Invariant: after start-up, either every channel's loop thread is running, or the process has exited.
 */
public final class SpeedsimKernel {

    private SpeedsimKernel() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: SpeedsimKernel CONNECTION_FILE");
            System.exit(2);
        }
        LogManager.getLogManager().readConfiguration(
                MainApp.class.getClassLoader().getResourceAsStream("logging.properties"));
        ConnectionProperties connection = Transform.fromJson(Files.readString(Path.of(args[0])),
                ConnectionProperties.class);
        Channels channels = new Channels(connection);
        Field handlers = Channels.class.getDeclaredField("handlers");
        handlers.setAccessible(true);
        CountDownLatch connected = new CountDownLatch(1);
        handlers.set(channels, new HandlersAfterConnect(connected, () -> (Map<?, ?>) handlers.get(channels)));
        channels.connect(MainApp.kernel);
        connected.countDown();
        List<String> stopped = restartStoppedLoops(channels);
        if (!stopped.isEmpty()) {
            System.err.println("speedsim kernel: the loop threads " + stopped + " stopped at start-up"
                    + " (rapaio-jupyter-kernel start-up race); exiting so that a new kernel is started");
            System.exit(3);
        }
        channels.joinUntilClose();
    }

    /**
     * Replaces each channel loop thread that ended at start-up by a new one with the same name and body whose
     * {@code running} flag is set before it starts; returns the names of the loops that still stopped.
     */
    private static List<String> restartStoppedLoops(Channels channels) throws Exception {
        Thread.sleep(300);
        List<String> stopped = new ArrayList<>();
        for (Field f : Channels.class.getDeclaredFields()) {
            f.setAccessible(true);
            Object channel = f.get(channels);
            if (!(channel instanceof Thread)) {
                continue;
            }
            for (Field g : channel.getClass().getDeclaredFields()) {
                if (g.getType() != LoopThread.class) {
                    continue;
                }
                g.setAccessible(true);
                LoopThread loop = (LoopThread) g.get(channel);
                if (loop == null || loop.isAlive()) {
                    continue;
                }
                LoopThread fresh = new LoopThread(loop.getName(), (long) field(loop, "sleep"),
                        (Runnable) field(loop, "loopBody"));
                Field running = LoopThread.class.getDeclaredField("running");
                running.setAccessible(true);
                running.setBoolean(fresh, true);
                g.set(channel, fresh);
                fresh.start();
                System.err.println("speedsim kernel: restarted the loop thread " + loop.getName()
                        + " of " + channel.getClass().getSimpleName()
                        + ", which had stopped at start-up (rapaio-jupyter-kernel start-up race)");
                Thread.sleep(100);
                if (!fresh.isAlive()) {
                    stopped.add(loop.getName());
                }
            }
        }
        return stopped;
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }

    /** A read-only view of the real handler table whose lookups wait until the table has been filled. */
    private static final class HandlersAfterConnect extends AbstractMap<Object, Object> {

        /** Reads the handler table {@code Channels.connect} installed. */
        interface Table {
            Map<?, ?> get() throws ReflectiveOperationException;
        }

        private final CountDownLatch connected;
        private final Table table;

        HandlersAfterConnect(CountDownLatch connected, Table table) {
            this.connected = connected;
            this.table = table;
        }

        private Map<?, ?> real() {
            try {
                connected.await();
                return table.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the kernel was starting", e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Object get(Object key) {
            return real().get(key);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Set<Entry<Object, Object>> entrySet() {
            return (Set<Entry<Object, Object>>) (Set<?>) real().entrySet();
        }
    }
}
