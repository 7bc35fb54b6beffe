package dev.respawn.front;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Every request to the front: forwarded at once while the application serves; held while a reload
 * runs or a worker starts, and forwarded once the new code listens; answered with why when no
 * application can serve, or when the hold lasts past its bound.
 */
final class FrontHandler extends Handler.Abstract {

    private final Gate gate;
    private final WorkerProxy proxy;
    private final PairedUpstreams upstreams;
    private final Duration holdBound;
    private final Executor executor;
    private final StandingCompileErrors compileErrors;
    private final Answers answers;
    private final boolean browserReload;
    private final Path exceptions;
    private final InFlight inFlight;
    private WebSockets webSockets;

    /** @param exceptions where exception reports go, or null when none are captured */
    FrontHandler(Gate gate, WorkerProxy proxy, Duration holdBound, Executor executor,
            StandingCompileErrors compileErrors, Answers answers, boolean browserReload, Path exceptions,
            InFlight inFlight) {
        // Nothing here waits: see OffSelector.
        super(InvocationType.NON_BLOCKING);
        this.exceptions = exceptions;
        this.inFlight = inFlight;
        this.gate = gate;
        this.compileErrors = compileErrors;
        this.answers = answers;
        this.browserReload = browserReload;
        this.proxy = proxy;
        this.upstreams = new PairedUpstreams(gate, proxy, executor);
        this.holdBound = holdBound;
        this.executor = executor;
        installBean(proxy);
    }

    /** WebSocket upgrades go to {@code webSockets} instead of the HTTP proxy. */
    FrontHandler webSockets(WebSockets webSockets) {
        this.webSockets = webSockets;
        installBean(webSockets);
        return this;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Optional<String> errors = compileErrors.current();
        if (errors.isPresent()) {
            answers.problem(request, response, callback, 503, "The last saved source does not compile", errors.get());
            return true;
        }
        CompletableFuture<Integer> port = gate.port();
        if (port.isDone() && !port.isCompletedExceptionally()) {
            return forward(request, response, callback, port.join());
        }
        port.copy().orTimeout(holdBound.toMillis(), TimeUnit.MILLISECONDS)
                .whenCompleteAsync((ready, failure) -> answer(request, response, callback, ready, failure), executor);
        return true;
    }

    private boolean forward(Request request, Response response, Callback callback, int port) throws Exception {
        if (webSockets != null && WebSockets.isUpgrade(request) && webSockets.forward(request, response, callback, port)) {
            return true;
        }
        // A WebSocket is not waited for: a restart closes it, and its client connects again.
        Callback tracked = inFlight.track(request, response, callback);
        boolean handled = false;
        try {
            handled = forwardTracked(request, response, tracked, port);
            return handled;
        } finally {
            if (!handled) {
                // The caller answers with the callback it gave: this one would never complete.
                inFlight.forget(tracked);
            }
        }
    }

    private boolean forwardTracked(Request request, Response response, Callback callback, int port) throws Exception {
        ScriptInjection.Wrapped wrapped = new ScriptInjection.Wrapped(response, callback);
        if (exceptions != null) {
            wrapped = ExceptionReportHeader.wrap(request, wrapped.response(), wrapped.callback(), exceptions, executor);
        }
        if (browserReload) {
            wrapped = ScriptInjection.wrap(request, wrapped.response(), wrapped.callback());
        }
        if (PairedUpstreams.takes(request)) {
            upstreams.forward(request, wrapped.response(), wrapped.callback(), port);
            return true;
        }
        return proxy.forward(request, wrapped.response(), wrapped.callback(), port);
    }

    private void answer(Request request, Response response, Callback callback, Integer ready, Throwable failure) {
        Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
        try {
            if (cause == null) {
                if (!forward(request, response, callback, ready)) {
                    Response.writeError(request, response, callback, 404);
                }
            } else if (cause instanceof Gate.NotServing notServing) {
                answers.problem(request, response, callback, 503, "The application is not serving",
                        notServing.getMessage());
            } else if (cause instanceof TimeoutException) {
                answers.problem(request, response, callback, 503, "The application is still starting",
                        "no application listened within " + holdBound.toSeconds() + " s of this request;"
                                + " the supervisor's terminal says what it is doing");
            } else {
                answers.problem(request, response, callback, 500, "The front failed", String.valueOf(cause));
            }
        } catch (Exception | LinkageError e) {
            callback.failed(e);
        }
    }
}
