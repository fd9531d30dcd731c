package org.rapaio.jupyter.kernel.channels;

import java.util.logging.Logger;

/**
 * Replaces rapaio-jupyter-kernel 3.0.1's {@code LoopThread} (same name, constructor and methods;
 * put before the kernel jar on the class path by scripts/install-kernel.sh) to remove two
 * start-up races that left about one kernel start in three hanging in "starting" here:
 * <ol>
 *   <li>{@code start()} set {@code running = true} <em>after</em> {@code Thread.start()}; a loop
 *       thread scheduled at once saw {@code running == false} and ended before its first poll.
 *       Here {@code running} is set first.</li>
 *   <li>{@code Channels.connect} starts the shell and control loops before it creates its map of
 *       message handlers; a {@code kernel_info_request} arriving in that window (Jupyter clients
 *       send one as soon as they connect) threw a NullPointerException out of the loop body, which
 *       killed the thread. Here an exception from the loop body is logged and the loop goes on;
 *       that message is lost, and the client's next {@code kernel_info_request} (jupyter_client
 *       resends every second, jupyter_server's nudge every half second) is answered.</li>
 * </ol>
 * A body that keeps failing (100 times in a row) stops the loop, as before, instead of spinning.
 */
public final class LoopThread extends Thread {

    private static final Logger LOGGER = Logger.getLogger("LoopThread");
    private static final int MAX_FAILURES_IN_A_ROW = 100;

    private volatile boolean running;
    private final long sleep;
    private final Runnable loopBody;

    public LoopThread(String name, long sleep, Runnable loopBody) {
        super(name);
        this.sleep = sleep;
        this.loopBody = loopBody;
    }

    @Override
    public void run() {
        int failures = 0;
        while (running) {
            try {
                loopBody.run();
                failures = 0;
            } catch (RuntimeException e) {
                failures++;
                if (!running) {
                    return;   // shutting down: the socket was closed under the loop
                }
                LOGGER.severe("[" + getName() + "] loop body failed (" + failures + " in a row), going on: " + e);
                if (failures >= MAX_FAILURES_IN_A_ROW) {
                    LOGGER.severe("[" + getName() + "] stopping after " + failures + " failures in a row");
                    running = false;
                    return;
                }
            }
            try {
                Thread.sleep(sleep);
            } catch (InterruptedException e) {
                running = false;
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    public void shutdown() {
        running = false;
    }
}
