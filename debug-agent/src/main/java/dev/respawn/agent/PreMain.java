package dev.respawn.agent;

import java.lang.instrument.Instrumentation;

import dev.respawn.reloader.agent.ReloadAgent;
import dev.respawn.reloader.options.Options;
import dev.respawn.reloader.options.OptionsException;

/**
 * The agent's entry point ({@code -javaagent:respawn.jar=OPTIONS}): parses the options and hands
 * them to the add-ons. Bad options end the JVM with exit code 2 before the application starts;
 * an add-on that fails says so in one line and the application starts without it.
 */
public final class PreMain {

    /** The exit code for options the agent cannot accept. */
    static final int USAGE = 2;

    private PreMain() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        Options options;
        try {
            options = Options.fromAgentString(arguments);
        } catch (OptionsException e) {
            System.err.println("respawn: bad agent option: " + e.getMessage());
            System.err.flush();
            Runtime.getRuntime().halt(USAGE);
            return;
        }
        try {
            Addons.install(options, instrumentation);
        } catch (Throwable t) {
            System.err.println("respawn: the agent could not start (" + t + "); the application runs without it");
        }
        // A warm worker waits here, before the JVM loads the application's main class.
        ReloadAgent.awaitGoIfWarm();
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        premain(arguments, instrumentation);
    }
}
