package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.app.AppVersion;
import org.elastos.frontdoor.link.LinkException;
import org.elastos.frontdoor.market.MarketException;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.audit.AuditUnavailableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.nio.file.NoSuchFileException;

@Command(name = "frontdoor", mixinStandardHelpOptions = true, versionProvider = FrontDoorCommand.Version.class,
        description = "The elastOS front door: your identity, your home box, your films and data.",
        subcommands = {AppCommand.class, AppCommand.Demo.class, WalletCommand.class, EnvelopeCommand.class, ReleaseCommand.class, CapsuleCommand.class,
                DownloadCommand.class,
                ChainCommand.class, MarketCommand.class, BoxCommand.class, RelayCommand.class, FilmCommand.class,
                LicenseCommand.class,
                CommandLine.HelpCommand.class})
public final class FrontDoorCommand {
    /** Exit code for a refusal the person can act on (wrong password, tampered envelope, bad phrase). */
    public static final int REFUSED = 1;

    private FrontDoorCommand() {
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"elastOS front door " + AppVersion.current()};
        }
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new FrontDoorCommand());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof WalletException || e instanceof CliException || e instanceof IllegalArgumentException
                    || e instanceof MarketException || e instanceof LinkException || e instanceof IllegalStateException
                    || e instanceof AuditUnavailableException || e instanceof java.io.UncheckedIOException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return REFUSED;
            }
            if (e instanceof NoSuchFileException missing) {
                commandLine.getErr().println("error: no such file: " + missing.getFile());
                return REFUSED;
            }
            if (e instanceof IOException io) {
                commandLine.getErr().println("error: " + io.getMessage());
                return REFUSED;
            }
            throw e;
        });
        return cli;
    }
}
