package org.elastos.frontdoor.market;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the market's Hardhat project ({@code market/contracts}) is, with its npm packages installed. Found from
 * the system property {@value #PROPERTY}, the environment variable {@value #ENVIRONMENT}, or by walking up from
 * the working folder and from this jar's folder to a checkout of the repository.
 */
public record HardhatProject(Path root) {
    public static final String PROPERTY = "frontdoor.hardhat.project";
    public static final String ENVIRONMENT = "FRONTDOOR_HARDHAT_PROJECT";
    private static final Path RELATIVE = Path.of("market", "contracts");

    /** @throws DevChainException when the project is not found or its packages are not installed */
    public static HardhatProject locate() {
        Optional<Path> configured = Optional.ofNullable(System.getProperty(PROPERTY))
                .or(() -> Optional.ofNullable(System.getenv(ENVIRONMENT)))
                .filter(value -> !value.isBlank())
                .map(Path::of);
        if (configured.isPresent()) {
            return at(configured.get());
        }
        return searchUpFrom(Path.of("").toAbsolutePath())
                .or(() -> jarFolder().flatMap(HardhatProject::searchUpFrom))
                .map(HardhatProject::at)
                .orElseThrow(() -> new DevChainException("cannot find the market's Hardhat project (market/contracts);"
                        + " run from a checkout of the repository or set " + ENVIRONMENT + " to its folder"));
    }

    /** @throws DevChainException when {@code root} is not an installed Hardhat project */
    public static HardhatProject at(Path root) {
        Path absolute = root.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute.resolve("hardhat.config.js"))) {
            throw new DevChainException(absolute + " is not the market's Hardhat project (no hardhat.config.js)");
        }
        HardhatProject project = new HardhatProject(absolute);
        if (!Files.isRegularFile(absolute.resolve(Path.of("node_modules", "hardhat", "package.json")))) {
            throw new DevChainException("Hardhat is not installed in " + absolute + "; run `npm ci` in that folder");
        }
        return project;
    }

    /**
     * The script that runs {@code hardhat node} and exits when its standard input closes, run with {@code node} so
     * no shell wrapper stands between us and it.
     */
    public Path devNodeScript() {
        return root.resolve(Path.of("scripts", "dev-node.js"));
    }

    private static Optional<Path> searchUpFrom(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(RELATIVE).resolve("hardhat.config.js"))) {
                return Optional.of(dir.resolve(RELATIVE));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> jarFolder() {
        try {
            return Optional.of(Path.of(HardhatProject.class.getProtectionDomain().getCodeSource().getLocation().toURI()))
                    .map(Path::getParent);
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
