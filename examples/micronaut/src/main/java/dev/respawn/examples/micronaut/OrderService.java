package dev.respawn.examples.micronaut;

import jakarta.inject.Singleton;

/** Reserves items, and refuses every one: what {@code /fail} calls. */
@Singleton
public class OrderService {

    public String reserve(String item) {
        throw new IllegalArgumentException("no such item: " + item);
    }
}
