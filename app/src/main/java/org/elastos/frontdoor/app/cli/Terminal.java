package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.wallet.signer.Signer;
import org.elastos.frontdoor.wallet.vault.Wallet;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Where the CLI reads secrets from: the console with echo off when a person is at a terminal, or standard input,
 * one line per answer, when a script pipes them in.
 */
final class Terminal {
    private final BufferedReader in;
    private final Console console;

    private Terminal(BufferedReader in, Console console) {
        this.in = in;
        this.console = console;
    }

    static Terminal system() {
        return new Terminal(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.console());
    }

    /** A secret: read with echo off at a terminal, else the next line of standard input. */
    char[] secret(String prompt) {
        if (console != null) {
            char[] answer = console.readPassword("%s: ", prompt);
            if (answer == null) {
                throw new CliException("no " + prompt.toLowerCase() + " given");
            }
            return answer;
        }
        return line(prompt).map(String::toCharArray).orElseThrow(() ->
                new CliException("expected the " + prompt.toLowerCase() + " on standard input, found nothing"));
    }

    /** A new password, typed twice at a terminal; once on standard input. */
    char[] newPassword() {
        char[] first = secret("Password");
        if (console != null) {
            char[] again = secret("Password again");
            boolean same = Arrays.equals(first, again);
            Arrays.fill(again, '\0');
            if (!same) {
                throw new CliException("the two passwords differ; nothing was created");
            }
        }
        return first;
    }

    /** Unlocks the wallet with the password read here; the typed characters are cleared at once. */
    Signer unlock(Wallet wallet) {
        char[] password = secret("Password");
        try {
            return wallet.unlock(password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** A yes-or-no question for a person at a terminal; without one there is nobody to ask, so the answer is no. */
    boolean confirm(String question) {
        if (console == null) {
            return false;
        }
        String answer = Optional.ofNullable(console.readLine("%s [y/N] ", question)).orElse("").strip();
        return answer.equalsIgnoreCase("y") || answer.equalsIgnoreCase("yes");
    }

    boolean interactive() {
        return console != null;
    }

    Optional<String> line(String prompt) {
        if (console != null) {
            return Optional.ofNullable(console.readLine("%s: ", prompt));
        }
        try {
            return Optional.ofNullable(in.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
