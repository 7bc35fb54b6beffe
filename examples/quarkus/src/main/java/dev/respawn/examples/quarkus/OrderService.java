package dev.respawn.examples.quarkus;

import jakarta.enterprise.context.ApplicationScoped;

/** Reserves items, and refuses every one: what {@code /fail} calls. */
@ApplicationScoped
public class OrderService {

    public String reserve(String item) {
        throw new IllegalArgumentException("no such item: " + item);
    }
}
