package io.wsscan.report;

import io.wsscan.rules.RuleCatalog;
import io.wsscan.rules.RuleMeta;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpHtmlTest {

    private static final String MD = """
            # Title

            ## What
            Something.

            ## How to fix
            Use `textContent`, **not** `innerHTML <b>`:
            - a list item
              that goes on
            - **Ticket.** second <script>

            ```js
            el.textContent = msg; // <ok>
            ```
            ## Example
            ```js
            # not a heading
            ```
            """;

    @Test
    void theFixSectionAsEscapedHtml() {
        assertEquals("Use `textContent`, **not** `innerHTML <b>`:\n- a list item\n  that goes on\n- **Ticket.** second <script>\n\n"
                + "```js\nel.textContent = msg; // <ok>\n```", HelpHtml.section(MD, "How to fix"));
        assertEquals("<p>Use <code>textContent</code>, <strong>not</strong> <code>innerHTML &lt;b&gt;</code>:</p>"
                        + "<ul><li>a list item that goes on</li><li><strong>Ticket.</strong> second &lt;script&gt;</li></ul>"
                        + "<pre><code>el.textContent = msg; // &lt;ok&gt;\n</code></pre>",
                HelpHtml.fix(MD));
        assertEquals("", HelpHtml.fix("## What\nno fix here\n"));
        assertEquals("", HelpHtml.fix(null));
        // a heading inside fenced code does not end a section
        assertEquals("```js\n# not a heading\n```", HelpHtml.section(MD, "Example"));
    }

    @Test
    void anUnclosedBacktickStaysText() {
        assertEquals("a <code>b</code> `c", HelpHtml.inline("a `b` `c"));
    }

    @Test
    void everyBuiltinRuleHasFixAdvice() {
        for (RuleMeta r : RuleCatalog.builtin().rules().values()) {
            String fix = HelpHtml.fix(r.helpMarkdown());
            assertFalse(fix.isBlank(), r.id());
            assertTrue(fix.startsWith("<p>") || fix.startsWith("<ul>"), r.id() + ": " + fix);
        }
    }
}
