package dev.respawn.examples.spring;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The endpoints of examples/hello-http that make sense here, as plain text. */
@RestController
public class HelloController {

    /** State a hot swap keeps and any restart (of the process, or DevTools' in the JVM) loses. */
    private final AtomicInteger count = new AtomicInteger();

    @GetMapping("/hello")
    public String hello() {
        return Greeting.message() + "\n";
    }

    @GetMapping("/count")
    public String count() {
        return count.incrementAndGet() + "\n";
    }

    @GetMapping("/pid")
    public String pid() {
        return ProcessHandle.current().pid() + "\n";
    }

    @GetMapping("/env")
    public String env() {
        return "RESPAWN=" + System.getenv("RESPAWN") + "\n";
    }
}
