package io.wsscan.analysis;

import io.wsscan.analysis.Fact.Obj;
import io.wsscan.analysis.Scopes.Binding;
import io.wsscan.ir.Kind;
import io.wsscan.ir.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ES modules and CommonJS between the programs of one analysis. Each program has three objects: its
 * ES namespace (named exports and 'default'), and the CommonJS 'module' and 'exports'
 * (module.exports starts as exports). Imports and require() read them; because they are ordinary
 * objects, the fixpoint carries values across files. Packages outside the scan are API values.
 */
final class Modules {

    /** The imported name of a namespace import ({@code import * as ns}), and of a default import. */
    static final String NAMESPACE = "*", DEFAULT = "default";
    private static final String EXPORTS = "exports";

    private final Analysis a;
    private final Heap heap;
    private final Engine.Linker linker;

    Modules(Analysis a, Engine.Linker linker) {
        this.a = a;
        this.heap = a.heap;
        this.linker = linker;
    }

    void initModule(Node program) {
        Obj exports = heap.obj(program, ObjKind.EXPORTS, null);
        Obj module = heap.obj(program, ObjKind.MODULE, null);
        heap.setField(module, EXPORTS, Value.of(exports));
        Binding mb = a.scopes.moduleBinding(program, "module"), eb = a.scopes.moduleBinding(program, EXPORTS);
        if (mb != null) heap.setVar(mb, Value.of(module));
        if (eb != null) heap.setVar(eb, Value.of(exports));
    }

    private Obj namespace(Node program) {
        return heap.obj(program, ObjKind.NAMESPACE, null);
    }

    private Value moduleExports(Node program) {
        return heap.readObjField(heap.obj(program, ObjKind.MODULE, null), EXPORTS);
    }

    /** An ES module: it has a top-level import or export (then module.exports is not its interface). */
    static boolean isEsModule(Node program) {
        for (Node k : program.kids()) if (k.kind == Kind.IMPORT || k.kind == Kind.EXPORT) return true;
        return false;
    }

    /** What {@code import {name} from} (name 'default' or '*' for the namespace) gives from a program. */
    private Value importFrom(Node target, String name) {
        if (isEsModule(target)) {
            return NAMESPACE.equals(name) ? Value.of(namespace(target)) : heap.readObjField(namespace(target), name);
        }
        Value exports = moduleExports(target);
        // a CommonJS module seen from ESM: module.exports is the default export and the namespace
        if (NAMESPACE.equals(name) || DEFAULT.equals(name)) return exports;
        Value out = Value.EMPTY;
        for (Obj o : exports.objects()) out = out.join(heap.readObjField(o, name));
        return out;
    }

    /** {@code require(specifier)}: module.exports of a CommonJS module, the namespace of an ES module. */
    private Value required(Node target) {
        return isEsModule(target) ? Value.of(namespace(target)) : moduleExports(target);
    }

    /** {@code require('x')} with a constant specifier: a program of the scan, or a modeled package; else null. */
    Value require(Node call, Node fn) {
        String specifier = call.kid(1).text;
        Node target = linker.resolve(a.programOf(fn), specifier);
        if (target != null) return Transfer.stepAll(required(target), call, "required from '" + specifier + "'");
        Value pkg = a.models.packageApi(specifier, null, call);
        return pkg.isEmpty() ? null : pkg;
    }

    /**
     * {@code import(x)}: the specifier is a modeled position ({@code Global[import].Argument[0]}, a
     * code sink: loading a module runs it); a resolvable module gives a promise of its namespace.
     */
    Value dynamicImport(Node n, Node fn) {
        Node arg = n.kid(0);
        Value spec = a.transfer.eval(arg, fn);
        a.models.slot(List.of(ApiPath.IMPORT_ARGUMENT), spec, n, fn);
        Node target = arg.kind == Kind.STRING ? linker.resolve(a.programOf(fn), arg.text) : null;
        if (target == null) return Value.EMPTY;
        Obj promise = a.builtins.promises.promise(n);
        heap.setField(promise, Fields.RESOLVED, Transfer.stepAll(required(target), n, "imported from '" + arg.text + "'"));
        return Value.of(promise);
    }

    /** The global functions of an AMD loader (RequireJS, curl, Dojo). */
    static final Set<String> AMD_LOADERS = Set.of("define", "require", "requirejs");
    /** The dependencies an AMD factory gets when it names none ({@code define(function (require, exports, module) {…})}). */
    private static final List<String> AMD_DEFAULT_DEPENDENCIES = List.of("require", "exports", "module");

    /**
     * An AMD loader call: {@code define([deps], factory)}, {@code define(name, [deps], factory)},
     * {@code define(factory)}, {@code define(value)} and {@code require([deps], callback)}. The factory's
     * parameters get the modules its dependencies name (a program of the scan, or a modeled package such
     * as {@code 'jquery'}); what a defined module's factory returns (or the value it defines) becomes its
     * module.exports, which is what other modules depend on. Null when the call has another shape
     * ({@code require('x')} of CommonJS).
     */
    Value amd(Node call, String loader, List<Value> args, Node fn) {
        List<Node> argNodes = call.rest(1);
        boolean define = loader.equals("define");
        int k = define && !argNodes.isEmpty() && argNodes.get(0).kind == Kind.STRING ? 1 : 0;
        List<String> deps = null;
        if (k < argNodes.size() && argNodes.get(k).kind == Kind.ARRAY) {
            deps = new ArrayList<>();
            for (Node d : argNodes.get(k).kids()) {
                if (d.kind != Kind.STRING) return null;
                deps.add(d.text);
            }
            k++;
        }
        if (k != argNodes.size() - 1 || k >= args.size() || deps == null && !define) return null;
        Node program = a.programOf(fn);
        List<Value> depValues = new ArrayList<>();
        for (String d : deps != null ? deps : AMD_DEFAULT_DEPENDENCIES) depValues.add(amdDependency(program, d, call));
        Value factory = args.get(k);
        Value returned = Value.EMPTY;
        boolean function = false;
        for (Obj o : factory.objects()) {
            if (o.function == null) continue;
            function = true;
            returned = returned.join(a.calls.invoke(o, Value.EMPTY, depValues, call));
        }
        if (define) {
            Value defined = function ? returned : factory;
            if (!defined.isEmpty()) heap.setField(heap.obj(program, ObjKind.MODULE, null), EXPORTS, defined);
        }
        return Value.EMPTY;
    }

    /** What an AMD dependency id gives a factory in {@code program}. */
    private Value amdDependency(Node program, String id, Node at) {
        switch (id) {
            case "exports":
                return Value.of(heap.obj(program, ObjKind.EXPORTS, null));
            case "module":
                return Value.of(heap.obj(program, ObjKind.MODULE, null));
            case "require":
                return Value.EMPTY;
            default:
                // a modeled library stays its model, even where a configuration maps it to a copy in the scan
                Value pkg = a.models.packageApi(id, null, at);
                if (!pkg.isEmpty()) return pkg;
                Node target = linker.resolveAmd(program, id);
                return target == null ? Value.EMPTY : Transfer.stepAll(required(target), at, "required from '" + id + "'");
        }
    }

    void execImport(Node n, Node fn) {
        if (n.text == null) return;
        Node target = linker.resolve(a.programOf(fn), n.text);
        for (Node spec : n.kids()) {
            if (spec.kind != Kind.IMPORT_SPEC || spec.size() == 0) continue;
            Node local = spec.kid(0);
            Value v = target != null ? Transfer.stepAll(importFrom(target, spec.text), spec, "imported from '" + n.text + "'")
                    : a.models.packageApi(n.text, spec.text, spec);
            a.transfer.assignPattern(local, v, spec, fn);
        }
    }

    void execExport(Node n, Node fn) {
        Transfer t = a.transfer;
        Node program = a.programOf(fn);
        Obj ns = namespace(program);
        if (n.text != null) {
            // re-exports: export {a as b} from './x', export * from './x'
            Node target = linker.resolve(program, n.text);
            if (target == null) return;
            for (Node spec : n.kids()) {
                if (spec.kind != Kind.EXPORT_SPEC) continue;
                String imported = spec.size() > 0 ? spec.kid(0).text : spec.text;
                if (NAMESPACE.equals(spec.text)) {
                    Obj from = namespace(target);
                    for (Map.Entry<String, Value> e : new ArrayList<>(heap.fields(from).entrySet())) {
                        if (!e.getKey().equals(DEFAULT)) heap.setField(ns, e.getKey(), e.getValue());
                    }
                } else {
                    heap.setField(ns, spec.text, importFrom(target, imported));
                }
            }
            return;
        }
        if (n.has(Node.DEFAULT)) {
            Node d = n.kid(0);
            Value v;
            if (d.kind == Kind.CLASS || d.kind == Kind.FUNCTION && d.has(Node.DECLARATION)) {
                t.exec(d, fn);
                v = d.kind == Kind.FUNCTION ? Value.of(heap.functionObj(d)) : t.eval(d, fn);
            } else {
                v = t.eval(d, fn);
            }
            heap.setField(ns, DEFAULT, v);
            return;
        }
        for (Node k : n.kids()) {
            if (k.kind == Kind.EXPORT_SPEC) {
                heap.setField(ns, k.text, k.size() > 0 ? t.readIdent(k.kid(0), fn) : Value.EMPTY);
                continue;
            }
            t.exec(k, fn);
            for (Node name : declaredNames(k)) {
                Binding b = a.scopes.binding(name);
                if (b == null) continue;
                heap.setField(ns, b.name, heap.var(b));
            }
        }
    }

    /** The identifiers a declaration statement declares (export const {a, b} = ..., export function f). */
    private static List<Node> declaredNames(Node decl) {
        List<Node> out = new ArrayList<>();
        switch (decl.kind) {
            case VAR_DECL -> {
                for (Node d : decl.kids()) patternNames(d.kid(0), out);
            }
            case FUNCTION, CLASS -> out.add(decl);
            default -> {
            }
        }
        return out;
    }

    private static void patternNames(Node p, List<Node> out) {
        switch (p.kind) {
            case IDENT -> out.add(p);
            case OBJECT_PATTERN -> {
                for (Node k : p.kids()) patternNames(k.kind == Kind.PROPERTY ? k.kid(1) : k, out);
            }
            case ARRAY_PATTERN -> {
                for (Node k : p.kids()) patternNames(k, out);
            }
            case ASSIGN_PATTERN, REST -> patternNames(p.kid(0), out);
            default -> {
            }
        }
    }
}
