package org.elastos.frontdoor.link;

import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.elastos.frontdoor.wallet.did.DidKey;
import org.elastos.frontdoor.wallet.signer.DidSigner;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Link certificates: a short-lived TLS key, certified by a DID's Ed25519 key. The certificate names the DID and is
 * signed by it, so pinning a DID means checking that signature; the DID's own key never touches TLS and never
 * leaves its signer. The TLS key lives in memory for one run.
 */
public final class LinkCertificates {
    private static final AlgorithmIdentifier ED25519 = new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);
    private static final String ED25519_OID = "1.3.101.112";

    private LinkCertificates() {
    }

    /** A certificate for {@code tlsKey}, valid from a minute ago for {@code lifetime}, signed by {@code did}. */
    public static X509Certificate issue(DidSigner did, PublicKey tlsKey, Duration lifetime) {
        X500Name name = new X500Name("CN=" + did.did().value());
        Instant now = Instant.now();
        BigInteger serial = new BigInteger(64, new SecureRandom());
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, serial, Date.from(now.minusSeconds(60)),
                Date.from(now.plus(lifetime)), name, SubjectPublicKeyInfo.getInstance(tlsKey.getEncoded()));
        X509CertificateHolder holder = builder.build(new DidContentSigner(did));
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(holder.getEncoded()));
        } catch (CertificateException | IOException e) {
            throw new IllegalStateException("cannot encode a link certificate", e);
        }
    }

    /**
     * The DID a link certificate speaks for, after checking that the DID signed it and that it is within its dates.
     *
     * @throws CertificateException for anything else
     */
    public static DidKey didOf(X509Certificate certificate) throws CertificateException {
        certificate.checkValidity();
        if (!ED25519_OID.equals(certificate.getSigAlgOID())) {
            throw new CertificateException("not a link certificate: signed with " + certificate.getSigAlgName() + ", not Ed25519");
        }
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var names = subject.getRDNs(BCStyle.CN);
        if (names.length != 1) {
            throw new CertificateException("not a link certificate: it names no DID");
        }
        DidKey did;
        try {
            did = DidKey.parse(IETFUtils.valueToString(names[0].getFirst().getValue()));
        } catch (RuntimeException e) {
            throw new CertificateException("not a link certificate: its name is not a did:key", e);
        }
        if (!did.verifies(certificate.getTBSCertificate(), certificate.getSignature())) {
            throw new CertificateException("the certificate claims " + did + " but that DID did not sign it");
        }
        return did;
    }

    /** Signs the certificate body through a {@link DidSigner}, so the DID key stays where it is. */
    private static final class DidContentSigner implements ContentSigner {
        private final DidSigner did;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        DidContentSigner(DidSigner did) {
            this.did = did;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return ED25519;
        }

        @Override
        public OutputStream getOutputStream() {
            return body;
        }

        @Override
        public byte[] getSignature() {
            return did.sign(body.toByteArray());
        }
    }
}
