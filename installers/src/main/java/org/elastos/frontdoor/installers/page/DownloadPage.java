package org.elastos.frontdoor.installers.page;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.elastos.frontdoor.installers.ReleaseArtifact;
import org.elastos.frontdoor.installers.ReleaseManifest;
import org.elastos.frontdoor.installers.platform.InstallerKind;
import org.elastos.frontdoor.installers.platform.ReleasePlan;
import org.elastos.frontdoor.installers.platform.ReleaseTarget;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.MessageFormat;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The static download page of one release, made from its signed manifests: the visitor's platform offered first
 * (a small script picks it; without the script the first target's file is offered), every file with its size and
 * SHA-256, the publisher's DID, and how to verify a download. Every link points at a file a manifest lists, or at a
 * manifest; the link offered first carries {@code id="download"}.
 */
public final class DownloadPage {
    private static final ResourceBundle WORDS = ResourceBundle.getBundle("org.elastos.frontdoor.installers.page.DownloadPageWords");
    private static final String SCRIPT = resource("download-page.js");
    private static final String STYLE = resource("download-page.css");

    private final ReleaseSet release;
    private final String filesUrl;

    /** @param filesUrl where the files are, ending in "/"; empty when they sit beside the page */
    public DownloadPage(ReleaseSet release, Optional<String> filesUrl) {
        this.release = release;
        this.filesUrl = filesUrl.orElse("");
        if (!this.filesUrl.isEmpty() && !this.filesUrl.endsWith("/")) {
            throw new IllegalArgumentException("the files' URL is a folder, ending in \"/\": " + this.filesUrl);
        }
    }

    /**
     * Writes {@code index.html} into the folder, with every manifest beside it under its target's name, so the
     * page's links to the manifests work wherever the folder is served.
     *
     * @param manifestJsons the same manifests the page's {@link ReleaseSet} was made of
     */
    public void writeTo(Path dir, List<String> manifestJsons) throws IOException {
        Files.createDirectories(dir);
        for (String json : manifestJsons) {
            ReleaseTarget target = ReleaseManifest.open(json).target().orElseThrow();
            Files.writeString(dir.resolve(ReleasePlan.manifestName(target)), json.endsWith("\n") ? json : json + "\n");
        }
        Files.writeString(dir.resolve("index.html"), html());
    }

    /** The one file each target offers a person: its installer, or for iOS (store only) nothing. */
    private static Optional<ReleaseArtifact> offered(ReleaseManifest manifest) {
        Optional<InstallerKind> kind = InstallerKind.updaterInstalls(manifest.target().orElseThrow().platform());
        return manifest.artifacts().stream().filter(a -> kind.isPresent() && InstallerKind.ofFileName(a.name()).equals(kind)).findFirst();
    }

    public String html() {
        StringBuilder page = new StringBuilder(16_384);
        List<ReleaseManifest> offering = release.manifests().stream().filter(m -> offered(m).isPresent()).toList();
        if (offering.isEmpty()) {
            throw new IllegalArgumentException("none of the manifests lists an installer a person downloads (.dmg, .msi, .deb, .apk)");
        }
        ReleaseManifest first = offering.get(0);
        ReleaseArtifact firstFile = offered(first).orElseThrow();
        page.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src '")
                .append(scriptHash()).append("'\">\n")
                .append("<title>").append(word("title", escape(release.version()))).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<main>\n")
                .append("<header>\n<h1>").append(word("heading")).append("</h1>\n<p>").append(word("version", escape(release.version())))
                .append(" &middot; ").append(word("lead")).append("</p>\n</header>\n");

        page.append("<section class=\"offer\">\n")
                .append("<a id=\"download\" href=\"").append(fileHref(firstFile)).append("\" data-target=\"").append(first.target().orElseThrow().id())
                .append("\">").append(offerLabel(first.target().orElseThrow())).append("</a>\n")
                .append("<p id=\"download-file\">").append(offerFile(firstFile)).append("</p>\n");
        otherMac(page, "other-mac-x64", ReleaseTarget.MACOS_X64, "offer.other-mac", first.target().orElseThrow().equals(ReleaseTarget.MACOS_ARM64));
        otherMac(page, "other-mac-arm64", ReleaseTarget.MACOS_ARM64, "offer.other-mac.arm64", false);
        page.append("<p id=\"ios-note\" hidden>").append(word("offer.ios")).append("</p>\n")
                .append("<noscript><p>").append(word("offer.noscript", targetName(first.target().orElseThrow()))).append("</p></noscript>\n")
                .append("</section>\n");

        page.append("<h2>").append(word("all.heading")).append("</h2>\n<div id=\"targets\">\n");
        for (ReleaseManifest manifest : release.manifests()) {
            appendTarget(page, manifest);
        }
        page.append("</div>\n");
        appendVerify(page, offering.get(0));
        page.append("</main>\n<script type=\"application/json\" id=\"offers\">").append(offersJson(offering)).append("</script>\n")
                .append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return page.toString();
    }

    private void otherMac(StringBuilder page, String id, ReleaseTarget other, String key, boolean visible) {
        release.manifests().stream().filter(m -> m.target().orElseThrow().equals(other)).findFirst().flatMap(DownloadPage::offered)
                .ifPresent(file -> page.append("<p id=\"").append(id).append('"').append(visible ? "" : " hidden").append('>')
                        .append(word(key, "<a href=\"" + fileHref(file) + "\">" + escape(file.name()) + "</a>")).append("</p>\n"));
    }

    private void appendTarget(StringBuilder page, ReleaseManifest manifest) {
        ReleaseTarget target = manifest.target().orElseThrow();
        page.append("<section class=\"target\" id=\"target-").append(target.id()).append("\">\n<h3>").append(targetName(target))
                .append("</h3>\n<table>\n<tr><th>").append(word("all.file")).append("</th><th>").append(word("all.size"))
                .append("</th><th>").append(word("all.sha256")).append("</th></tr>\n");
        for (ReleaseArtifact artifact : manifest.artifacts()) {
            page.append("<tr><td><a href=\"").append(fileHref(artifact)).append("\">").append(escape(artifact.name())).append("</a></td>")
                    .append("<td title=\"").append(word("size.bytes", String.format(Locale.ROOT, "%,d", artifact.size()))).append("\">")
                    .append(size(artifact.size())).append("</td><td><code>").append(artifact.sha256()).append("</code></td></tr>\n");
        }
        String manifestName = ReleasePlan.manifestName(target);
        page.append("</table>\n<p>").append(word("all.manifest", "<a href=\"" + href(manifestName) + "\">" + escape(manifestName) + "</a>"))
                .append("</p>\n</section>\n");
    }

    private void appendVerify(StringBuilder page, ReleaseManifest example) {
        String file = offered(example).orElseThrow().name();
        String manifest = ReleasePlan.manifestName(example.target().orElseThrow());
        String did = release.publisher().value();
        page.append("<section class=\"verify\" id=\"verify\">\n<h2>").append(word("verify.heading")).append("</h2>\n<p>")
                .append(word("verify.publisher")).append("</p>\n<p class=\"did\" id=\"publisher\"><code>").append(escape(did))
                .append("</code></p>\n<p>").append(word("verify.fingerprint", "<code>" + escape(release.publisher().fingerprint()) + "</code>"))
                .append("</p>\n<p>").append(word("verify.app")).append("</p>\n<p>").append(word("verify.cli")).append("</p>\n")
                .append("<pre>frontdoor release verify --publisher ").append(escape(did)).append(' ').append(escape(manifest)).append(' ')
                .append(escape(file)).append("</pre>\n<p>").append(word("verify.sum")).append("</p>\n<pre>")
                .append("shasum -a 256 ").append(escape(file)).append("          # macOS\n")
                .append("sha256sum ").append(escape(file)).append("             # Linux\n")
                .append("certutil -hashfile ").append(escape(file)).append(" SHA256  # Windows</pre>\n</section>\n");
    }

    private String offersJson(List<ReleaseManifest> offering) {
        ObjectNode offers = JsonNodeFactory.instance.objectNode();
        for (ReleaseManifest manifest : offering) {
            ReleaseTarget target = manifest.target().orElseThrow();
            ReleaseArtifact file = offered(manifest).orElseThrow();
            offers.putObject(target.id()).put("href", filesUrl + encode(file.name())).put("label", plain("offer.for", plain("target." + target.id())))
                    .put("file", plain("offer.file", file.name(), plain("size", mebibytes(file.size()))));
        }
        // Inside a script element "</" would end it; JSON allows the escape.
        return offers.toString().replace("<", "\\u003c");
    }

    private String fileHref(ReleaseArtifact artifact) {
        return escape(filesUrl) + href(artifact.name());
    }

    private static String href(String name) {
        return escape(encode(name));
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String offerLabel(ReleaseTarget target) {
        return escape(plain("offer.for", plain("target." + target.id())));
    }

    private static String offerFile(ReleaseArtifact file) {
        return escape(plain("offer.file", file.name(), plain("size", mebibytes(file.size()))));
    }

    private static String targetName(ReleaseTarget target) {
        return escape(plain("target." + target.id()));
    }

    private static String size(long bytes) {
        return escape(plain("size", mebibytes(bytes)));
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
    }

    /** A sentence of the page, with arguments that are already HTML (links) or escaped here. */
    private static String word(String key, String... htmlArgs) {
        String pattern = WORDS.getString(key);
        return htmlArgs.length == 0 ? escape(new MessageFormat(pattern, Locale.ROOT).format(new Object[0]))
                : new MessageFormat(escape(pattern), Locale.ROOT).format(htmlArgs);
    }

    /** A sentence as plain text, for the script's data and for arguments escaped by the caller. */
    private static String plain(String key, String... args) {
        return new MessageFormat(WORDS.getString(key), Locale.ROOT).format(args);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** The Content-Security-Policy allows exactly this page's one script. */
    private static String scriptHash() {
        try {
            return "sha256-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(SCRIPT.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DownloadPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the installers jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
