package org.citygrid.demo.simulator;

/** The simulator cannot go on; the message says what is wrong with the deployment or the command line. */
public class SimulatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimulatorException(String message) {
        super(message);
    }

    public SimulatorException(String message, Throwable cause) {
        super(message, cause);
    }
}
