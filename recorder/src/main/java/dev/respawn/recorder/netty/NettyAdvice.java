package dev.respawn.recorder.netty;

import net.bytebuddy.asm.Advice;

/**
 * Inlined at the end of {@code DefaultChannelPipeline}'s methods that add a handler: tells
 * {@link NettyEntry} which handler joined which pipeline. It names only {@link NettyEntry},
 * which Netty's class loader finds through its parents.
 */
public final class NettyAdvice {

    private NettyAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object pipeline, @Advice.AllArguments Object[] arguments) {
        NettyEntry.added(pipeline, arguments[arguments.length - 1]);
    }
}
