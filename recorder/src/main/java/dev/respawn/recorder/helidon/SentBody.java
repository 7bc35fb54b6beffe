package dev.respawn.recorder.helidon;

/**
 * The recording stream filter of a Helidon response, told of a body sent in one piece: so that
 * {@link HelidonSendAdvice} can take the filter off again and leave Helidon its fast path for it.
 */
public interface SentBody {

    void sent(byte[] bytes, int offset, int length);
}
