package dev.respawn.examples.spring;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The endpoints of examples/hello-http that make sense here, as plain text, and the corpus's /fail and /echo. */
@RestController
public class HelloController {

    /** State a hot swap keeps and any restart (of the process, or DevTools' in the JVM) loses. */
    private final AtomicInteger count = new AtomicInteger();

    private final OrderService orders;

    public HelloController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping("/hello")
    public String hello() {
        return Greeting.message() + "\n";
    }

    @GetMapping("/fail")
    public String fail(@RequestParam String item) {
        return orders.reserve(item);
    }

    @PostMapping("/echo")
    public ResponseEntity<byte[]> echo(@RequestBody byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, defaultValue = MediaType.APPLICATION_OCTET_STREAM_VALUE) String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).body(body);
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
