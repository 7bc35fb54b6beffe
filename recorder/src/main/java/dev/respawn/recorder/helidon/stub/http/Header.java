package dev.respawn.recorder.helidon.stub.http;

import java.util.List;

/** Stands for Helidon's {@code Header}: one name and its values. */
public interface Header {

    String name();

    List<String> allValues();
}
