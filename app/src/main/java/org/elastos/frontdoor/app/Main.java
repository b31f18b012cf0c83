package org.elastos.frontdoor.app;

import org.elastos.frontdoor.app.cli.FrontDoorCommand;

/** The one entry point: with no arguments it opens the app on the demo world; with arguments it is the CLI. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"demo"} : args;
        System.exit(FrontDoorCommand.commandLine().execute(effective));
    }
}
