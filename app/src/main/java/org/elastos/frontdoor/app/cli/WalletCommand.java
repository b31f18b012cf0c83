package org.elastos.frontdoor.app.cli;

import org.elastos.frontdoor.wallet.Identity;
import org.elastos.frontdoor.wallet.phrase.RecoveryPhrase;
import org.elastos.frontdoor.wallet.vault.Vault;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;

@Command(name = "wallet", description = "Create, restore and show the identity held in a vault.",
        subcommands = {WalletCommand.Create.class, WalletCommand.Restore.class, WalletCommand.Show.class})
final class WalletCommand {

    @Command(name = "create", description = {
            "Make a new identity: prints its 24-word recovery phrase once, then the identity as JSON.",
            "The password is read from standard input when it is not a terminal."})
    static final class Create implements Callable<Integer> {
        @Option(names = "--vault", required = true, paramLabel = "DIR", description = "folder to hold the vault")
        Path vault;

        @Override
        public Integer call() {
            Vault target = emptyVault(vault);
            Terminal terminal = Terminal.system();
            char[] password = terminal.newPassword();
            RecoveryPhrase phrase = RecoveryPhrase.generate(new SecureRandom());
            try {
                Identity identity = target.create(phrase, "", password);
                System.out.println("Recovery phrase (write it down now; it is not stored and will not be shown again):");
                System.out.println(String.join(" ", phrase.words()));
                System.out.println(Json.pretty(Json.identity(identity)));
                return 0;
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "restore", description = {
            "Restore an identity from its recovery phrase (12 or 24 words).",
            "Standard input: the phrase on the first line, the password on the second,",
            "and, with --passphrase, the BIP39 passphrase on the third."})
    static final class Restore implements Callable<Integer> {
        @Option(names = "--vault", required = true, paramLabel = "DIR", description = "folder to hold the vault")
        Path vault;

        @Option(names = "--passphrase", description = "the phrase was made with a BIP39 passphrase; read it too")
        boolean withPassphrase;

        @Override
        public Integer call() {
            Vault target = emptyVault(vault);
            Terminal terminal = Terminal.system();
            String words = terminal.line("Recovery phrase").orElseThrow(() ->
                    new CliException("expected the recovery phrase on the first line of standard input"));
            RecoveryPhrase phrase = RecoveryPhrase.parse(words);
            char[] password = terminal.newPassword();
            String passphrase = withPassphrase ? new String(terminal.secret("BIP39 passphrase")) : "";
            try {
                System.out.println(Json.pretty(Json.identity(target.create(phrase, passphrase, password))));
                return 0;
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Checked before asking for anything, so nobody types a phrase only to be refused. */
    private static Vault emptyVault(Path dir) {
        Vault target = Vault.at(dir);
        if (target.exists()) {
            throw new CliException("a vault already exists in " + dir + "; it is never overwritten");
        }
        return target;
    }

    @Command(name = "show", description = "Print the identity as JSON (no password needed).")
    static final class Show implements Callable<Integer> {
        @Option(names = "--vault", required = true, paramLabel = "DIR", description = "folder that holds the vault")
        Path vault;

        @Override
        public Integer call() {
            System.out.println(Json.pretty(Json.identity(Vault.at(vault).identity())));
            return 0;
        }
    }
}
