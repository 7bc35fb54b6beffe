package dev.respawn.front;

import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A front on a free loopback port with the handler the supervisor gives it, for tests of that handler. */
record TestFront(Server server, int port) {

    /** Starts it; {@code exceptions} is the folder of exception reports it names, or null. */
    static TestFront start(Gate gate, Path temp, Path exceptions) throws Exception {
        FrontThreads threads = new FrontThreads();
        Server front = new Server(threads);
        ServerConnector connector = new ServerConnector(front);
        connector.setHost("127.0.0.1");
        front.addConnector(connector);
        Answers answers = new Answers(false);
        front.setHandler(new FrontHandler(gate, new WorkerProxy(gate, answers, threads), Duration.ofSeconds(10), threads,
                new StandingCompileErrors(temp.resolve("errors.txt")), answers, false, exceptions, new InFlight()));
        front.start();
        return new TestFront(front, connector.getLocalPort());
    }
}
