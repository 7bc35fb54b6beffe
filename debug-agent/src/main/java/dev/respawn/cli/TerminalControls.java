package dev.respawn.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

import dev.respawn.reloader.supervisor.Supervisor;
import sun.misc.Signal;

/**
 * Forces a restart on SIGHUP and on {@code rs} typed on the terminal, as nodemon does; every
 * other line typed goes to the worker's standard input.
 */
final class TerminalControls {

    private TerminalControls() {
    }

    static void install(Supervisor supervisor, InputStream in) {
        try {
            Signal.handle(new Signal("HUP"), signal -> supervisor.forceRestart());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            // No SIGHUP here (Windows); typing rs still works.
        }
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.strip().equals("rs")) {
                        supervisor.forceRestart();
                    } else {
                        supervisor.toWorker(line);
                    }
                }
            } catch (IOException e) {
                // No terminal to read.
            }
        }, "respawn-terminal");
        reader.setDaemon(true);
        reader.start();
    }
}
