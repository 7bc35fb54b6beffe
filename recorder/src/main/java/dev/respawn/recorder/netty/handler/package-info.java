/**
 * The recording handler for Netty pipelines, compiled against Netty but never loaded under these
 * names: {@code NettyEntry} defines renamed copies in the loader of the application's Netty.
 */
package dev.respawn.recorder.netty.handler;
