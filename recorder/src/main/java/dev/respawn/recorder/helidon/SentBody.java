package dev.respawn.recorder.helidon;

/**
 * The recording stream filter of a Helidon response, told of a body sent in one piece: so that
 * {@link HelidonSendAdvice} can take the filter off again and leave Helidon its fast path for it,
 * and {@link HelidonBufferedAdvice} can journal the exchange before that path writes it.
 */
public interface SentBody {

    void sent(byte[] bytes, int offset, int length);

    /**
     * The response's status, headers (Helidon's own Content-Length and Connection included) and
     * body are final and nothing of them is written yet: the exchange is journaled now, so that a
     * worker killed as the client reads the response has it in its journal.
     */
    void buffered();
}
