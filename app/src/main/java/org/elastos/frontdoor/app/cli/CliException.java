package org.elastos.frontdoor.app.cli;

/** A command that cannot go on, with a message for the person at the terminal. */
final class CliException extends RuntimeException {
    CliException(String message) {
        super(message);
    }
}
