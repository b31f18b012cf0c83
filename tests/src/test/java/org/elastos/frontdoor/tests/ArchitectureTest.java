package org.elastos.frontdoor.tests;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.elastos.frontdoor.media.CencDecryptor;
import org.elastos.frontdoor.media.CencEncryptor;
import org.elastos.frontdoor.media.license.License;
import org.elastos.frontdoor.media.license.LicenseSeal;
import org.elastos.frontdoor.media.license.PlaybackKey;
import org.elastos.frontdoor.wallet.vault.Vault;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.elastos.frontdoor.wallet.vault.Wallet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layering DESIGN.md states, checked on the compiled classes of every module. */
class ArchitectureTest {
    private static final Pattern TEST_JAR = Pattern.compile(".*-tests\\.jar.*");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Other modules' test jars (test films, a seller's keys for the journeys) are tests too.
                .withImportOption(location -> !location.matches(TEST_JAR))
                .importPackages("org.elastos.frontdoor");
    }

    @Test
    void domainModulesNeverImportJavaFx() {
        noClasses().that().resideInAnyPackage("org.elastos.frontdoor.wallet..", "org.elastos.frontdoor.installers..",
                        "org.elastos.frontdoor.capsule..", "org.elastos.frontdoor.market..", "org.elastos.frontdoor.link..",
                        "org.elastos.frontdoor.box..", "org.elastos.frontdoor.media..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .because("domain modules run headless, on a box, and under test without a screen")
                .check(classes);
    }

    @Test
    void viewsNeverTouchKeyBytesOrCryptoInternals() {
        noClasses().that().resideInAPackage("org.elastos.frontdoor.views..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.elastos.frontdoor.wallet.derive..", "org.bouncycastle..", "org.web3j.crypto..", "javax.crypto..")
                .because("secrets are used, never owned: views hold a Signer, never a key")
                .check(classes);
    }

    @Test
    void walletDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.elastos.frontdoor.wallet..")
                .should().dependOnClassesThat().resideInAnyPackage("org.elastos.frontdoor.views..", "org.elastos.frontdoor.app..")
                .check(classes);
    }

    @Test
    void capsulesReachTheHostOnlyThroughCapabilities() {
        noClasses().that().resideInAPackage("org.elastos.frontdoor.capsule..")
                .should().dependOnClassesThat().belongToAnyOf(Vault.class, Wallet.class)
                .orShould().dependOnClassesThat().resideInAPackage("org.elastos.frontdoor.wallet.derive..")
                .because("the sandbox checks signatures and may be handed a signer; it never opens a vault or derives a key")
                .check(classes);
    }

    @Test
    void theMarketSignsOnlyThroughTheWalletsSigner() {
        noClasses().that().resideInAPackage("org.elastos.frontdoor.market..")
                .should().dependOnClassesThat().belongToAnyOf(Vault.class, Wallet.class, Credentials.class, ECKeyPair.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("org.elastos.frontdoor.wallet.derive..",
                        "org.elastos.frontdoor.wallet.vault..", "org.bouncycastle..")
                .because("no private key crosses into market/: transactions are signed through Signer")
                .check(classes);
    }

    @Test
    void theLinkNeverOpensAVault() {
        noClasses().that().resideInAnyPackage("org.elastos.frontdoor.link..", "org.elastos.frontdoor.box..")
                .should().dependOnClassesThat().belongToAnyOf(Vault.class, Wallet.class)
                .orShould().dependOnClassesThat().resideInAPackage("org.elastos.frontdoor.wallet.derive..")
                .because("the link proves a DID through a DidSigner; a person's keys stay in their vault")
                .check(classes);
    }

    @Test
    void contentKeysAreOpenedOnlyToBeSealedInALicense() {
        noClasses().that().resideOutsideOfPackage("org.elastos.frontdoor.box.shop..")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.elastos.frontdoor.box.shop.ContentKeys")
                .because("content keys stay in the box's key store; they leave it only sealed inside a license")
                .check(classes);
    }

    @Test
    void aPlayersContentKeyIsOpenedOnlyByTheKeyService() {
        noClasses().that().resideOutsideOfPackages("org.elastos.frontdoor.media.keys..", "org.elastos.frontdoor.media.license..")
                .should().callMethod(PlaybackKey.class, "open", License.class, Instant.class)
                .orShould().callMethod(License.class, "open", AsymmetricCipherKeyPair.class, Instant.class)
                .orShould().callMethod(LicenseSeal.class, "open", LicenseSeal.Sealed.class, AsymmetricCipherKeyPair.class, byte[].class)
                .because("the key service opens a license into a KeySlot, which decrypts and cannot be read; no one else"
                        + " sees a player's content key")
                .check(classes);
    }

    @Test
    void viewsTheAppAndCapsulesNeverHoldAContentKey() {
        noClasses().that().resideInAnyPackage("org.elastos.frontdoor.views..", "org.elastos.frontdoor.app..",
                        "org.elastos.frontdoor.capsule..")
                .should().callConstructor(CencDecryptor.class, byte[].class)
                .orShould().callConstructor(CencEncryptor.class, byte[].class, byte[].class, long.class)
                .orShould().dependOnClassesThat().belongToAnyOf(PlaybackKey.class, LicenseSeal.class)
                .because("they play films through the key service's slots and the decrypt capsule, never with key bytes")
                .check(classes);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .because("view models are tested without a screen")
                .check(classes);
    }
}
