package io.wsscan.rules;

import io.wsscan.analysis.Engine;
import io.wsscan.analysis.Scopes;
import io.wsscan.ir.IrFile;
import io.wsscan.ir.Node;

import java.util.List;
import java.util.Map;

/**
 * A query over one analysed file that is not a source-to-sink flow (cleartext URLs, origin checks).
 * Rules name a check in their YAML ({@code check: connection-cleartext}); the engine never names
 * rules. Checks are stateless.
 */
public interface StructuralCheck {

    /** The name rules use to ask for this check. */
    String name();

    List<Hit> run(Context ctx);

    /** What a check sees: the lowered file, its scopes and the taint engine's facts. */
    record Context(IrFile file, Scopes scopes, Engine.Result engine, io.wsscan.analysis.Models models,
                   io.wsscan.policy.Policy policy, io.wsscan.analysis.Dependencies dependencies) {
        public Context(IrFile file, Scopes scopes, Engine.Result engine, io.wsscan.analysis.Models models) {
            this(file, scopes, engine, models, io.wsscan.policy.Policy.NONE, io.wsscan.analysis.Dependencies.NONE);
        }

        public Context(IrFile file, Scopes scopes, Engine.Result engine, io.wsscan.analysis.Models models,
                       io.wsscan.policy.Policy policy) {
            this(file, scopes, engine, models, policy, io.wsscan.analysis.Dependencies.NONE);
        }
    }

    /**
     * One result: where it starts, the values of the rule's message placeholders ({@code detail},
     * and {@code source}/{@code sink} for rules that are also taint rules), and optionally the steps
     * that lead to it (e.g. from a URL literal to the connection that uses it); {@code level} when the
     * check decides the level of this result (the origin threat model), null for the rule's level.
     */
    record Hit(Node at, Map<String, String> placeholders, List<io.wsscan.analysis.Trace.Step> trace,
               io.wsscan.findings.Finding.Level level) {
        public Hit(Node at, Map<String, String> placeholders, List<io.wsscan.analysis.Trace.Step> trace) {
            this(at, placeholders, trace, null);
        }

        public Hit(Node at, Map<String, String> placeholders) {
            this(at, placeholders, List.of(), null);
        }
    }
}
