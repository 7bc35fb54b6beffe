package dev.respawn.examples.webflux;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** The three routes every example has. */
@RestController
public class HelloController {

    private final OrderService orders;

    public HelloController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping(path = "/hello", produces = MediaType.TEXT_PLAIN_VALUE)
    public Mono<String> hello() {
        return Mono.just(Greeting.text());
    }

    @GetMapping(path = "/fail", produces = MediaType.TEXT_PLAIN_VALUE)
    public Mono<String> fail(@RequestParam String item) {
        return Mono.just(orders.reserve(item));
    }

    @PostMapping("/echo")
    public Mono<ResponseEntity<byte[]>> echo(@RequestBody byte[] body,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, defaultValue = MediaType.APPLICATION_OCTET_STREAM_VALUE) String type) {
        return Mono.just(ResponseEntity.ok().contentType(MediaType.parseMediaType(type)).body(body));
    }
}
