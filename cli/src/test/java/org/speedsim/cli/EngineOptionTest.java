package org.speedsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --engine} and {@code --master}: the cli alone (no spark-engine module on its class path) refuses
 * {@code --engine spark} with one line saying how to get it, before any run or any directory.
 */
class EngineOptionTest {

    @TempDir
    Path tmp;

    @Test
    void sparkWithoutTheModuleIsRefusedBeforeAnyWork() {
        String tiny = CompareCommandTest.TINY.toString();
        String[][] cases = {
            {"sweep", tiny, "--param", "protocol.unchokeSlots=2:3:1", "--engine", "spark", "--out", tmp.toString()},
            {"compare", tiny, "--vary", "protocol.unchokeSlots=2,3", "--engine", "spark", "--out", tmp.toString()},
        };
        for (String[] args : cases) {
            Cli c = Cli.execute(SweepCommandTest.real(), args);
            assertEquals(2, c.exit(), c::toString);
            assertTrue(c.err().contains("--engine spark: the Spark engine is not on the class path"), c::toString);
            assertFalse(c.leaksStackTrace(), c::toString);
        }
        assertFalse(Files.exists(tmp.resolve("tiny-sweep")), "nothing written");
    }

    @Test
    void unknownEnginesAndAMasterWithoutSparkAreRefused() {
        String tiny = CompareCommandTest.TINY.toString();
        Cli unknown = Cli.execute(SweepCommandTest.real(), "sweep", tiny, "--param", "protocol.unchokeSlots=2:3:1",
                "--engine", "hadoop", "--out", tmp.toString());
        assertEquals(2, unknown.exit(), unknown::toString);
        assertTrue(unknown.err().contains("--engine hadoop: unknown engine; expected one of [local"),
                unknown::toString);
        Cli master = Cli.execute(SweepCommandTest.real(), "sweep", tiny, "--param", "protocol.unchokeSlots=2:3:1",
                "--master", "local[2]", "--out", tmp.toString());
        assertEquals(2, master.exit(), master::toString);
        assertTrue(master.err().contains("--master needs --engine spark"), master::toString);
    }
}
