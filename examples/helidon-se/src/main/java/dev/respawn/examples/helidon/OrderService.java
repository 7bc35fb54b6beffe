package dev.respawn.examples.helidon;

/** Reserves items, and refuses every one: what {@code /fail} calls. */
public class OrderService {

    public String reserve(String item) {
        throw new IllegalArgumentException("no such item: " + item);
    }
}
