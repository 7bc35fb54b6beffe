package dev.respawn.examples.dropwizard;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The three routes every example has, as a Jersey resource. */
@Path("/")
public class HelloResource {

    private final OrderService orders;

    public HelloResource(OrderService orders) {
        this.orders = orders;
    }

    @GET
    @Path("hello")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return Greeting.text();
    }

    @GET
    @Path("fail")
    @Produces(MediaType.TEXT_PLAIN)
    public String fail(@QueryParam("item") String item) {
        return orders.reserve(item);
    }

    @POST
    @Path("echo")
    public Response echo(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type) {
        return Response.ok(body, type == null ? MediaType.APPLICATION_OCTET_STREAM : type).build();
    }
}
