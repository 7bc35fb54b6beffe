package dev.respawn.recorder.helidon.stub.http;

import java.util.List;

/** Stands for Helidon's {@code Header}: one name and its values. */
public interface Header {

    String name();

    /** The first value; a default method of Helidon's. */
    String value();

    int valueCount();

    List<String> allValues();
}
