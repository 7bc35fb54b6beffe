package dev.respawn.examples.micronaut;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;

/** The three routes every example has. */
@Controller
public class HelloController {

    private final OrderService orders;

    public HelloController(OrderService orders) {
        this.orders = orders;
    }

    @Get("/hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return Greeting.text();
    }

    @Get("/fail")
    @Produces(MediaType.TEXT_PLAIN)
    public String fail(@QueryValue String item) {
        return orders.reserve(item);
    }

    @Post("/echo")
    @Consumes(MediaType.ALL)
    public HttpResponse<byte[]> echo(@Body byte[] body,
            @Header(value = HttpHeaders.CONTENT_TYPE, defaultValue = MediaType.APPLICATION_OCTET_STREAM) String type) {
        return HttpResponse.ok(body).contentType(type);
    }
}
