package dev.respawn.examples.spring;

import org.springframework.stereotype.Service;

/** Reserves items, and refuses every one: what {@code /fail} calls. */
@Service
public class OrderService {

    public String reserve(String item) {
        throw new IllegalArgumentException("no such item: " + item);
    }
}
