package io.jenkins.plugins.mlops.train;

import io.jenkins.plugins.mlops.contract.InvalidInputException;
import java.io.File;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether the ND4J natives on the classpath cover this machine, checked before ND4J loads them:
 * on another platform (a macOS or arm64 agent, say) ND4J fails deep in JavaCPP; this says in one
 * line which platform this is, which ones are bundled and how to build for this one.
 */
final class NativePlatform {
    /** {@code nd4j-native-<version>-<os>-<arch>.jar}, as Maven names the classifier jars. */
    private static final Pattern NATIVES = Pattern.compile("nd4j-native-[^" + Pattern.quote(File.separator)
            + "]*?-((?:linux|macosx|windows|android|ios)-[a-z0-9_]+)\\.jar$");

    private NativePlatform() {
    }

    static void check() {
        check(current(System.getProperty("os.name"), System.getProperty("os.arch")),
                System.getProperty("java.class.path", ""));
    }

    /** @throws InvalidInputException when natives are bundled and none is for {@code platform} */
    static void check(String platform, String classpath) {
        Set<String> bundled = bundled(classpath);
        if (!bundled.isEmpty() && !bundled.contains(platform)) {
            throw new InvalidInputException("this machine is " + platform + ", and this mlops build bundles ND4J's"
                    + " native libraries for " + String.join(", ", bundled) + " only: build it with"
                    + " -Djavacpp.platform=" + platform + " (README, Other platforms)");
        }
    }

    /** The platform in JavaCPP's names, e.g. {@code linux-x86_64}, {@code macosx-arm64}. */
    static String current(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String name = os.startsWith("mac") || os.startsWith("darwin") ? "macosx" : os.startsWith("windows") ? "windows"
                : os.startsWith("linux") ? "linux" : os.replaceAll("[^a-z0-9]", "");
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64le" -> "ppc64le";
            default -> osArch.toLowerCase(Locale.ROOT);
        };
        return name + "-" + arch;
    }

    static Set<String> bundled(String classpath) {
        Set<String> platforms = new TreeSet<>();
        for (String entry : classpath.split(Pattern.quote(File.pathSeparator))) {
            Matcher m = NATIVES.matcher(entry);
            if (m.find()) {
                platforms.add(m.group(1));
            }
        }
        return platforms;
    }
}
