package dev.respawn.examples.quarkus;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The three routes every example has, as a Quarkus REST resource. */
@Path("/")
public class GreetingResource {

    @Inject
    OrderService orders;

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
