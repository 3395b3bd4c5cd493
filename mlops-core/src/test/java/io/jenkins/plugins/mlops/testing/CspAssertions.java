package io.jenkins.plugins.mlops.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Jenkins' archive CSP ({@code sandbox; default-src 'none'; img-src 'self'; style-src 'self';})
 * would block: scripts, inline styles, and anything fetched from elsewhere.
 */
public final class CspAssertions {
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("(?i)\\b(href|src|xlink:href|action)\\s*=\\s*\"([^\"]*)\"");

    private CspAssertions() {
    }

    public static void assertCspClean(String name, String html) {
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        assertThat(lower).as(name + ": no script").doesNotContain("<script").doesNotContain("javascript:");
        assertThat(lower).as(name + ": no inline style").doesNotContainPattern("\\sstyle\\s*=").doesNotContain("<style");
        assertThat(lower).as(name + ": no event handler").doesNotContainPattern("\\son[a-z]+\\s*=");
        // URLs in text (a server address in a summary) fetch nothing; attributes and CSS url() would
        assertThat(lower).as(name + ": no CSS url()").doesNotContain("url(");
        Matcher m = URL_ATTRIBUTE.matcher(html);
        while (m.find()) {
            String target = m.group(2);
            assertThat(target).as(name + ": relative link " + target).doesNotContain(":").doesNotStartWith("/")
                    .doesNotStartWith("//");
        }
        assertThat(html).as(name + ": links the stylesheet beside it")
                .contains("<link rel=\"stylesheet\" href=\"mlops-report.css\">");
    }
}
