package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Obj;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * AngularJS dependency injection: {@code module.service('Events', F)} makes the injector create
 * {@code new F()} once and pass it to every function that asks for {@code Events}, by parameter name
 * ({@code function (Events) {...}}) or by array annotation ({@code ['Events', function (e) {...}]},
 * which minified code keeps while it renames the parameters). No call in the program shows that
 * flow, so a socket wrapped in an application service would reach no controller. Here each
 * registration calls its function with the services registered so far under those names (the
 * fixpoint brings later ones), and a service or factory records what it makes under its name.
 */
final class AngularInjector {
    /** Registrations with a name first: (name, definition). */
    private static final Set<String> NAMED = Set.of("service", "factory", "provider", "controller", "directive", "component",
            "filter", "animation", "decorator");
    /** Registrations with only a definition; as common words, only with an array annotation. */
    private static final Set<String> UNNAMED = Set.of("run", "config");
    /** Heap globals that hold the services: no program can name them. */
    private static final String PREFIX = "@inject:";

    private final Analysis a;

    AngularInjector(Analysis a) {
        this.a = a;
    }

    /** A call {@code recv.method(...)}: when it registers with the injector, invoke the definition as the injector would. */
    void register(Node call, String method, List<Value> args) {
        int at;
        if (NAMED.contains(method) && call.size() == 3 && call.kid(1).kind == Kind.STRING) {
            at = 1;
        } else if (UNNAMED.contains(method) && call.size() == 2 && isAnnotation(call.kid(1))) {
            at = 0;
        } else {
            return;
        }
        Node def = call.kid(at + 1);
        if (isAnnotation(def)) {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < def.size() - 1; i++) names.add(def.kid(i).text);
            inject(call, method, a.heap.functionObj(def.kid(def.size() - 1)), names);
        } else if (def.kind == Kind.FUNCTION || def.kind == Kind.IDENT) {
            // the parameters' own names ask for the services (not in minified code)
            for (Obj f : args.get(at).objects()) {
                if (f.function == null) continue;
                List<String> names = new ArrayList<>();
                for (Node p : f.function.kid(0).kids()) names.add(p.kind == Kind.IDENT ? p.text : null);
                inject(call, method, f, names);
            }
        }
    }

    private void inject(Node call, String method, Obj f, List<String> names) {
        List<Value> services = new ArrayList<>(names.size());
        for (String name : names) {
            services.add(name == null ? Value.EMPTY : a.heap.global(PREFIX + name).join(a.models.injected(name, call)));
        }
        // services and controllers are constructed; the others are called and return what they make
        boolean constructed = method.equals("service") || method.equals("controller");
        Value self = constructed ? Value.of(a.calls.newInstance(call, f)) : Value.EMPTY;
        Value made = a.calls.invoke(f, self, services, call).nonData();
        if (method.equals("service")) {
            a.heap.setGlobal(PREFIX + call.kid(1).text, self.join(made.filter(x -> x instanceof Obj)));
        } else if (method.equals("factory")) {
            a.heap.setGlobal(PREFIX + call.kid(1).text, made);
        }
    }

    /** {@code ['$scope', 'Events', function ($scope, Events) {...}]}: names, then the function. */
    private static boolean isAnnotation(Node n) {
        if (n.kind != Kind.ARRAY || n.size() == 0 || n.kid(n.size() - 1).kind != Kind.FUNCTION) return false;
        for (int i = 0; i < n.size() - 1; i++) if (n.kid(i).kind != Kind.STRING) return false;
        return true;
    }
}
