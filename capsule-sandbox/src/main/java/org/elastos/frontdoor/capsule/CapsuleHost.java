package org.elastos.frontdoor.capsule;

import org.elastos.frontdoor.wallet.audit.AuditLog;
import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Import;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import org.elastos.frontdoor.wallet.WalletException;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.envelope.Envelope;
import org.elastos.frontdoor.wallet.envelope.EnvelopeDomains;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads capsules. Checks, in order, stopping at the first failure: the signature, the publisher against the trust
 * store, the module's hash, its imports against the grants (before anything is instantiated), its limits. Every
 * refusal and every grant goes to the audit log.
 */
public final class CapsuleHost {
    /** How a capsule's code runs: compiled to JVM bytecode (the default, much faster) or interpreted. */
    public enum Execution { COMPILED, INTERPRETED }

    private final CompiledModules compiled;
    private final Execution execution;
    private final TrustStore trust;
    private final AuditLog audit;
    private final Path dataRoot;
    private final CapsuleLimits deviceMaximum;

    public CapsuleHost(TrustStore trust, AuditLog audit, Path dataRoot, CapsuleLimits deviceMaximum) {
        this(trust, audit, dataRoot, deviceMaximum, Execution.COMPILED);
    }

    public CapsuleHost(TrustStore trust, AuditLog audit, Path dataRoot, CapsuleLimits deviceMaximum, Execution execution) {
        this(trust, audit, dataRoot, deviceMaximum, execution, List.of());
    }

    /**
     * @param shipped capsules another module of the app compiled at its build time (the decrypt capsule, say), used
     *                like our own first-party code: only for a module whose signed hash is theirs
     */
    public CapsuleHost(TrustStore trust, AuditLog audit, Path dataRoot, CapsuleLimits deviceMaximum, Execution execution,
            List<ShippedCapsule> shipped) {
        this.compiled = new CompiledModules(shipped);
        this.execution = execution;
        this.trust = trust;
        this.audit = audit;
        this.dataRoot = dataRoot;
        this.deviceMaximum = deviceMaximum;
    }

    /** How many distinct modules this host has compiled (each once, however often it is loaded). */
    int compiledModules() {
        return compiled.size();
    }

    /** Checks the signature and the module's hash only: what a publisher or a store needs to know. */
    public static CapsuleManifest verify(CapsuleBundle bundle) {
        CapsuleManifest manifest = signedManifest(bundle);
        String actual = CapsuleBundle.sha256(bundle.wasm());
        if (!actual.equals(manifest.wasmSha256())) {
            throw new CapsuleException.WasmMismatch("the module in this capsule is not the one " + manifest.publisher().fingerprint()
                    + " signed (SHA-256 " + actual.substring(0, 16) + "... instead of " + manifest.wasmSha256().substring(0, 16)
                    + "...): it was altered; do not run it");
        }
        return manifest;
    }

    /**
     * @param grants what the user or policy allows; a grant the manifest did not ask for is ignored, and a request
     *               with no grant leaves its import unsatisfied, which refuses the capsule
     */
    public LoadedCapsule load(CapsuleBundle bundle, List<Grant> grants) {
        return load(bundle, grants, Optional.empty());
    }

    /**
     * Loads a capsule whose {@code media.decrypt} grant is bound to one key: it can decrypt under that key and no
     * other, and never read it. Without a slot, {@code media.decrypt} is not granted, whatever the grants say.
     */
    public LoadedCapsule load(CapsuleBundle bundle, List<Grant> grants, KeySlot keySlot) {
        return load(bundle, grants, Optional.of(keySlot));
    }

    private LoadedCapsule load(CapsuleBundle bundle, List<Grant> grants, Optional<KeySlot> keySlot) {
        String label = labelOf(bundle);
        try {
            CapsuleManifest manifest = verify(bundle);
            if (!trust.trusts(manifest.publisher())) {
                throw new CapsuleException.UntrustedPublisher(manifest.name() + " is published by " + manifest.publisher()
                        + ", who is not in your trusted publishers. Add them in Settings only if you trust them.");
            }
            // In effect: what was both asked for and granted, among the capabilities this device offers at all. A
            // module importing anything else is refused by the import check below, like any ungranted import.
            List<Grant> effective = grants.stream().filter(manifest.requested()::contains).filter(Capabilities::offered)
                    .filter(grant -> keySlot.isPresent() || !grant.capability().equals(Capabilities.MEDIA_DECRYPT)).toList();
            WasmModule module = parse(bundle.wasm());
            checkImports(manifest, module, effective);
            checkLimits(manifest, module);
            effective.forEach(grant -> audit.record(manifest.name(), "grant", grant.toString()));
            Capabilities capabilities = new Capabilities(manifest.name(), audit, dataRoot, keySlot);
            int cap = manifest.limits().memoryPages();
            // Compiled only after every check passed; the cache key is the hash just verified.
            CompiledModules.Compiled code = execution == Execution.COMPILED ? compiled.get(manifest.wasmSha256(), module) : null;
            Instance.Builder builder = Instance.builder(code != null ? code.module() : module)
                    .withImportValues(ImportValues.builder().withFunctions(List.copyOf(capabilities.functionsFor(effective))).build())
                    .withMemoryFactory(limits -> new CappedMemory(new ByteArrayMemory(new MemoryLimits(limits.initialPages(), cap)), cap));
            if (code != null) {
                builder.withMachineFactory(code.machines());
            }
            Instance instance = builder.build();
            audit.record(manifest.name(), "load", manifest.version() + " from " + manifest.publisher());
            return new LoadedCapsule(manifest, instance, capabilities, audit);
        } catch (CapsuleException e) {
            audit.record(label, "refuse", e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        } catch (ChicoryException e) {
            CapsuleException refused = new CapsuleException.BundleRejected("the capsule's module could not be instantiated: " + e.getMessage(), e);
            audit.record(label, "refuse", refused.getMessage());
            throw refused;
        }
    }

    private static CapsuleManifest signedManifest(CapsuleBundle bundle) {
        DidKey signer;
        Envelope envelope;
        try {
            envelope = Envelope.parse(bundle.manifestJson());
            signer = envelope.verify(EnvelopeDomains.CAPSULE);
        } catch (WalletException e) {
            throw new CapsuleException.SignatureRejected("this capsule's manifest is not genuinely signed: " + e.getMessage(), e);
        }
        CapsuleManifest manifest;
        try {
            manifest = CapsuleManifest.fromPayload(envelope.payload());
        } catch (RuntimeException e) {
            throw new CapsuleException.BundleRejected("this capsule's manifest is signed but malformed: " + e.getMessage(), e);
        }
        if (!manifest.publisher().equals(signer)) {
            throw new CapsuleException.SignatureRejected("this capsule names " + manifest.publisher() + " as its publisher,"
                    + " but was signed by " + signer, null);
        }
        return manifest;
    }

    private static WasmModule parse(byte[] wasm) {
        try {
            return Parser.parse(wasm);
        } catch (ChicoryException e) {
            throw new CapsuleException.BundleRejected("the capsule's module is not valid WebAssembly: " + e.getMessage(), e);
        }
    }

    private static void checkImports(CapsuleManifest manifest, WasmModule module, List<Grant> grants) {
        Set<String> granted = grants.stream().map(Grant::capability).collect(Collectors.toSet());
        for (int i = 0; i < module.importSection().importCount(); i++) {
            Import wanted = module.importSection().getImport(i);
            String capability = Capabilities.MODULE.equals(wanted.module()) && wanted.importType() == ExternalType.FUNCTION
                    ? Capabilities.BY_IMPORT.get(wanted.name()) : null;
            if (capability == null || !granted.contains(capability)) {
                throw new CapsuleException.UngrantedImport(manifest.name() + " imports " + wanted.module() + "." + wanted.name()
                        + (capability == null ? ", which is no capability this device offers"
                                : ", but the capability " + capability + " was not granted") + "; it was not started");
            }
        }
    }

    private void checkLimits(CapsuleManifest manifest, WasmModule module) {
        if (!manifest.limits().within(deviceMaximum)) {
            throw new CapsuleException.BundleRejected(manifest.name() + " asks for " + manifest.limits().memoryPages() * 64
                    + " KiB and " + manifest.limits().callTime().toMillis() + " ms per call; this device allows at most "
                    + deviceMaximum.memoryPages() * 64 + " KiB and " + deviceMaximum.callTime().toMillis() + " ms", null);
        }
        int declared = module.memorySection().filter(section -> section.memoryCount() > 0)
                .map(section -> section.getMemory(0).limits().initialPages()).orElse(0);
        if (declared > manifest.limits().memoryPages()) {
            throw new CapsuleException.BundleRejected(manifest.name() + " starts with " + declared * 64 + " KiB of memory,"
                    + " more than the " + manifest.limits().memoryPages() * 64 + " KiB its manifest allows", null);
        }
    }

    /** A refused capsule's name is whatever its manifest claims; the label says so, so no forgery can speak for another. */
    private static String labelOf(CapsuleBundle bundle) {
        try {
            return "unverified:" + Envelope.parse(bundle.manifestJson()).payload().path("name").asText("?");
        } catch (WalletException e) {
            return "unverified:?";
        }
    }
}
