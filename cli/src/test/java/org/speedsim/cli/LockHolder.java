package org.speedsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A second process for the lock tests: opens each directory named on its command line as a command would (creating
 * and locking it), prints {@code locked}, and holds the locks until its standard input closes or it is killed.
 */
final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        List<OwnedDirectory> held = new ArrayList<>();
        for (String dir : args) {
            held.add(OwnedDirectory.open(Path.of(dir), "speedsim lock-holder " + dir));
        }
        System.out.println("locked");
        System.out.flush();
        while (System.in.read() >= 0) {
            // hold until stdin closes
        }
        for (OwnedDirectory o : held) {
            o.close();
        }
    }
}
